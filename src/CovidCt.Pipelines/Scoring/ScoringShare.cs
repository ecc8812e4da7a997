using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Scoring;

/// <summary>
/// The models of one chain scored on one set of threads within one memory budget: the lesion model and, with
/// <c>--valid-area model</c>, the segmentation model. Each scorer opened on its own took every core and the whole budget,
/// and the two ran at once (the valid area segments patient n while the lesion scorer's threads score n + 1), so twice the
/// threads of the cores and two budgets' memory (issue #20). Here the plans are chosen together
/// (<see cref="ScoringPlan.ChooseShared"/>) and every member's batches
/// go to one <see cref="ScoringWorkers"/> queue, in the order submitted: at most the plan's batches run at any moment,
/// whichever model they belong to, and a core one model leaves idle is the other's. A scorer opened alone has a share of one,
/// whose plan is the one-model plan. Members join and leave from any thread.
/// </summary>
internal sealed class ScoringShare
{
    private readonly OnnxScoringOptions _options;
    private readonly Member[] _members;
    private readonly Lock _gate = new();
    private ScoringPlan[]? _plans;
    private ScoringWorkers? _workers;
    private int _joined;

    /// <summary>A share for <paramref name="members"/>, scored with <paramref name="options"/> (the chain's one set); nothing is read until a member joins.</summary>
    public ScoringShare(OnnxScoringOptions options, IReadOnlyList<Member> members)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfLessThan(members.Count, 1);
        _options = options;
        _members = [.. members];
    }

    /// <summary>One model of a share: its file and the preprocessing overrides it is scored with (they decide its input size).</summary>
    public sealed record Member(string ModelPath, PreprocessingOptions Preprocessing);

    /// <summary>
    /// The share of the chain that scores <paramref name="lesionModel"/> with <paramref name="options"/>: the lesion model, and
    /// the valid-area step's segmentation model when it has one (<see cref="ValidAreaStep.SegmentationModel"/>).
    /// </summary>
    public static ScoringShare ForChain(string lesionModel, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ForChain(lesionModel, options.Preprocessing, options.Scoring, options.ValidArea);
    }

    /// <summary>As <see cref="ForChain(string, PipelineOptions)"/>, from the option objects the chain's steps hold.</summary>
    public static ScoringShare ForChain(string lesionModel, PreprocessingOptions preprocessing, OnnxScoringOptions scoring, ValidAreaOptions validArea)
    {
        Member[] members = ValidAreaStep.SegmentationModel(validArea) is { } segmentation
            ? [new Member(lesionModel, preprocessing), segmentation]
            : [new Member(lesionModel, preprocessing)];
        return new ScoringShare(scoring, members);
    }

    /// <summary>The options every member is scored with.</summary>
    public OnnxScoringOptions Options => _options;

    /// <summary>How many models the share plans for.</summary>
    public int Members => _members.Length;

    /// <summary>True when member <paramref name="index"/> is the model at <paramref name="modelPath"/>.</summary>
    public bool Holds(int index, string modelPath) => index >= 0 && index < _members.Length && _members[index].ModelPath == modelPath;

    /// <summary>
    /// Member <paramref name="index"/>'s plan, the plans being chosen on the first join from every member's signature (read once
    /// per file); the member then counts until it <see cref="Leave"/>s.
    /// </summary>
    /// <exception cref="Data.IO.InvalidInputException">When a member's model cannot be read or contradicts its preprocessing.</exception>
    /// <exception cref="InvalidOperationException">When the share plans no member <paramref name="index"/> (nothing is joined).</exception>
    public ScoringPlan Join(int index)
    {
        if (index < 0 || index >= _members.Length) throw new InvalidOperationException($"a scoring share of {_members.Length} models has no member {index}");
        lock (_gate)
        {
            _plans ??= ScoringPlan.ChooseShared(_options, _members.Select(Planned).ToArray(), Environment.ProcessorCount, _options.MemoryBudgetBytes);
            _joined++;
            return _plans[index];
        }
    }

    /// <summary>The queue every member's batches run on, started on first use and ended when the last member leaves.</summary>
    public ScoringWorkers Workers()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_joined == 0, this);
            return _workers ??= new ScoringWorkers(_plans![0].ConcurrentBatches);
        }
    }

    /// <summary>
    /// A member leaves, its own batches having ended; the last one ends the threads (a chain fitted again joins a fresh queue).
    /// </summary>
    public void Leave()
    {
        ScoringWorkers? last = null;
        lock (_gate)
        {
            if (--_joined == 0) (last, _workers) = (_workers, null);
        }
        last?.Dispose();
    }

    private static PlannedModel Planned(Member member)
    {
        var model = OnnxModelInfo.Read(member.ModelPath);
        var preprocessing = ImagePreprocessing.Resolve(member.Preprocessing, model);
        return new PlannedModel((long)preprocessing.InputHeight * preprocessing.InputWidth, model.FixedBatchSize);
    }
}
