using System.Globalization;

namespace ExpertSupport.Bench;

/// <summary>--name value options, with defaults.</summary>
internal sealed class BenchOptions(string[] args)
{
    public int Int(string name, int fallback)
    {
        var i = Array.IndexOf(args, $"--{name}");
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public string? Text(string name)
    {
        var i = Array.IndexOf(args, $"--{name}");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public bool Flag(string name) => args.Contains($"--{name}");
}
