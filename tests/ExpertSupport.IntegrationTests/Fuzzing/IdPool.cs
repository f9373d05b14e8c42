using System.Text.Json;

namespace ExpertSupport.IntegrationTests.Fuzzing;

/// <summary>
/// Real ids, harvested from what the API itself answers, so a path like /api/bookings/{id}/confirm reaches a real
/// booking: "id" values are filed under the path that listed them (/api/bookings) and under their parent's name
/// (plan.id as planId); every other "…Id" value under its own name. The only per-endpoint knowledge is this rule.
/// </summary>
public sealed class IdPool
{
    private readonly Dictionary<string, List<(string Role, string Value)>> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byKey.Values.Sum(v => v.Count);

    public void Harvest(string sourcePath, string role, JsonElement json) => Walk(json, parent: null, sourcePath, role, depth: 0);

    /// <summary>An id for a path parameter or an "…Id" field, preferring one this role can see; null when none is known.</summary>
    public string? Pick(string parameter, string path, string role, Random random)
    {
        var keys = parameter.Equals("id", StringComparison.OrdinalIgnoreCase)
            ? [Prefix(path), Singular(LastSegment(Prefix(path))) + "Id"]
            : new[] { parameter };
        foreach (var key in keys)
        {
            if (!_byKey.TryGetValue(key, out var found) || found.Count == 0) continue;
            var mine = found.Where(f => f.Role == role).ToList();
            var from = mine.Count > 0 && random.Next(4) > 0 ? mine : found;
            return from[random.Next(from.Count)].Value;
        }
        return null;
    }

    private void Walk(JsonElement json, string? parent, string sourcePath, string role, int depth)
    {
        if (depth > 8) return;
        switch (json.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in json.EnumerateArray()) Walk(item, parent, sourcePath, role, depth + 1);
                break;
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && Guid.TryParse(property.Value.GetString(), out _))
                    {
                        var value = property.Value.GetString()!;
                        if (property.Name.Equals("id", StringComparison.OrdinalIgnoreCase))
                        {
                            // Items of a page ({ items: [...] }) belong to the list's path; a nested object to its parent's name.
                            if (parent is null or "items") Add(sourcePath, role, value);
                            else Add(Singular(parent) + "Id", role, value);
                        }
                        else if (property.Name.EndsWith("Id", StringComparison.Ordinal))
                        {
                            Add(property.Name, role, value);
                        }
                    }
                    Walk(property.Value, property.Name, sourcePath, role, depth + 1);
                }
                break;
        }
    }

    private void Add(string key, string role, string value)
    {
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        if (list.Count < 50 && !list.Contains((role, value))) list.Add((role, value));
    }

    /// <summary>/api/bookings/{id}/confirm → /api/bookings: the list the id came from.</summary>
    private static string Prefix(string path)
    {
        var at = path.IndexOf("/{", StringComparison.Ordinal);
        return at < 0 ? path : path[..at];
    }

    private static string LastSegment(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;
}
