using CovidCt.Fuzz;
using SharpFuzz;

// covidct-fuzz TARGET        runs one harness under afl-fuzz (input on stdin, as SharpFuzz's out-of-process mode reads it)
// covidct-fuzz seed FOLDER   writes the starting inputs of every target into FOLDER/TARGET/
// covidct-fuzz replay TARGET FILE...   runs inputs once each, outside afl (to reproduce and minimise a crash)
if (args is ["seed", var folder])
{
    Seeds.Write(folder);
    return 0;
}
if (args is ["replay", var name, .. var files] && Harnesses.Find(name) is { } replayed)
{
    foreach (var file in files) Console.WriteLine($"{file}: {replayed.Run(File.ReadAllBytes(file)) ?? "read"}");
    return 0;
}
if (args is [var target] && Harnesses.Find(target) is { } harness)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var input = new MemoryStream();
        stream.CopyTo(input);
        harness.Run(input.ToArray());
    });
    return 0;
}
Console.Error.WriteLine($"usage: covidct-fuzz {string.Join('|', Harnesses.Names)} | seed FOLDER | replay TARGET FILE...");
return 2;
