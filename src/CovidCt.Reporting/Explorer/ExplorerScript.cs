using System.Text.Json;

namespace CovidCt.Reporting.Explorer;

/// <summary>
/// The explorer's inline script and style. The script is one function of the fragment's root element, so each explorer on a page
/// keeps its own state. Wilson intervals use the algebra of <see cref="CovidCt.Metrics.ProportionIntervals"/> (statsmodels'),
/// so the page and the C# metrics agree to rounding. Every shown rate also carries its unrounded value in data attributes, for
/// headless checks.
/// </summary>
internal static class ExplorerScript
{
    /// <summary><paramref name="text"/> as a JavaScript string literal.</summary>
    public static string Literal(string text) => JsonSerializer.Serialize(text).Replace("</", "<\\/", StringComparison.Ordinal);

    /// <summary>The style sheet, scoped to the element <paramref name="id"/>. Colours follow the surrounding text (currentColor), so light, dark and high-contrast themes read alike.</summary>
    public static string Style(string id)
    {
        var scope = "#" + id;
        return $$"""
            {{scope}} { font-family: system-ui, sans-serif; color: inherit; max-width: 72em; }
            {{scope}} .cx-controls { display: flex; flex-wrap: wrap; gap: 0.6em 2em; margin: 0.4em 0; }
            {{scope}} .cx-controls label { display: flex; align-items: center; gap: 0.5em; }
            {{scope}} output { font-variant-numeric: tabular-nums; min-width: 3em; font-weight: bold; }
            {{scope}} .cx-levels { display: flex; flex-wrap: wrap; gap: 2em; }
            {{scope}} table { border-collapse: collapse; margin: 0.3em 0; }
            {{scope}} td, {{scope}} th { border: 1px solid currentColor; border-color: color-mix(in srgb, currentColor 35%, transparent); padding: 0.2em 0.6em; text-align: right; font-variant-numeric: tabular-nums; }
            {{scope}} td:first-child, {{scope}} th:first-child { text-align: left; }
            {{scope}} .cx-heading, {{scope}} .cx-title { font-weight: bold; margin: 0.3em 0; }
            {{scope}} .cx-caveats { margin: 0.2em 0; padding-left: 1.2em; font-style: italic; }
            {{scope}} .cx-note, {{scope}} .cx-setting { opacity: 0.85; }
            """;
    }

    public const string Source = """
        function (root) {
          var data = JSON.parse(root.querySelector('script.cx-data').textContent);
          function control(name) { return root.querySelector('[data-control="' + name + '"]'); }
          function out(name) { return root.querySelector('[data-out="' + name + '"]'); }
          var threshold = control('threshold'), minPixels = control('minPixels'), k = control('k');
          var sameQuadrant = control('sameQuadrant'), assignment = control('assignment');
          threshold.value = data.start.threshold;
          minPixels.value = data.start.minPixels;
          k.value = data.start.k;
          sameQuadrant.checked = data.sameQuadrant[data.start.sameQuadrant];
          if (assignment) assignment.value = data.start.assignment;
          var percent = function (p) { return (100 * p).toFixed(1) + '%'; };
          var levelText = (100 * data.level).toFixed(0) + '% CI (Wilson)';

          // statsmodels' Wilson algebra, as CovidCt.Metrics.ProportionIntervals computes it.
          function wilson(x, n) {
            var z2 = data.z * data.z, p = x / n, denominator = 1 + z2 / n;
            var centre = (p + z2 / (2 * n)) / denominator;
            var half = data.z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
            return [x === 0 ? 0 : centre - half, x === n ? 1 : centre + half];
          }

          function rate(level, metric, x, n, cases, caveats) {
            var value = out(level + '-' + metric), ci = out(level + '-' + metric + '-ci');
            out(level + '-' + metric + '-count').textContent = x + '/' + n;
            if (n === 0) {
              value.textContent = 'undefined';
              ci.textContent = '—';
              ['value', 'lower', 'upper'].forEach(function (a) { value.removeAttribute('data-' + a); });
              caveats.push(metric + ' is undefined: no ' + cases + ' cases');
              return;
            }
            var interval = wilson(x, n);
            value.textContent = percent(x / n);
            ci.textContent = percent(interval[0]).slice(0, -1) + '–' + percent(interval[1]);
            value.setAttribute('data-value', String(x / n));
            value.setAttribute('data-lower', String(interval[0]));
            value.setAttribute('data-upper', String(interval[1]));
            if (n < data.minimumCases) caveats.push(metric + ' rests on ' + n + ' ' + cases + ' cases (fewer than ' + data.minimumCases + '): the interval is wide, read it rather than the point');
          }

          function show(level, counts, cases) {
            var tp = counts[0], fp = counts[1], tn = counts[2], fn = counts[3], caveats = [];
            out(level + '-ci-heading').textContent = levelText;
            rate(level, 'sensitivity', tp, tp + fn, cases[0], caveats);
            rate(level, 'specificity', tn, tn + fp, cases[1], caveats);
            out(level + '-tp').textContent = 'TP ' + tp;
            out(level + '-fn').textContent = 'FN ' + fn;
            out(level + '-fp').textContent = 'FP ' + fp;
            out(level + '-tn').textContent = 'TN ' + tn;
            var list = out(level + '-caveats');
            list.textContent = '';
            caveats.forEach(function (text) { var item = document.createElement('li'); item.textContent = text; list.appendChild(item); });
          }

          function update() {
            var q = data.sameQuadrant.indexOf(sameQuadrant.checked);
            if (q < 0) q = 0;
            var a = assignment ? Number(assignment.value) : 0;
            var t = Number(threshold.value), m = Number(minPixels.value), kk = Number(k.value);
            var i = (((t * data.minPixels.length + m) * data.k.length + kk) * data.sameQuadrant.length + q) * data.assignments.length + a;
            out('threshold').textContent = data.thresholds[t].toFixed(2);
            out('minPixels').textContent = String(data.minPixels[m]);
            out('k').textContent = String(data.k[kk]);
            out('setting').textContent = 'Setting: probability ≥ ' + data.thresholds[t].toFixed(2) + ', more than ' + data.minPixels[m] + ' pixels, '
              + data.k[kk] + ' consecutive slices' + (data.sameQuadrant[q] ? ' in one quadrant' : ' with any box') + ', assignment ' + data.assignments[a]
              + (i === data.study ? ' (the study\'s setting)' : '');
            show('patient', data.patient[i], ['COVID-19', 'control']);
            show('image', data.image[i], ['lesion', 'lesion-free']);
            root.setAttribute('data-setting', String(i));
          }

          [threshold, minPixels, k, assignment].forEach(function (c) { if (c) c.addEventListener('input', update); });
          sameQuadrant.addEventListener('change', update);
          update();
        }
        """;
}
