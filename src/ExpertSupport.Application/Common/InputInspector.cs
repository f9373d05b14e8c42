using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace ExpertSupport.Application.Common;

/// <summary>How the edge that calls the inspector names fields and treats a missing value.</summary>
/// <param name="CamelCase">Field paths as JSON spells them (<c>hours[2].start</c>), else as the form binds them (<c>Input.Hours[2].Start</c>).</param>
/// <param name="NonNullableIsRequired">
/// A null in a member declared non-nullable is "required". True for JSON bodies, whose shape is the contract; false for
/// forms (an empty field binds as null) and for messages built by code (their validators word the missing value).
/// </param>
public sealed record InputInspection(bool CamelCase, bool NonNullableIsRequired)
{
    public static readonly InputInspection Api = new(CamelCase: true, NonNullableIsRequired: true);
    public static readonly InputInspection UseCase = new(CamelCase: true, NonNullableIsRequired: false);
    public static readonly InputInspection Form = new(CamelCase: false, NonNullableIsRequired: false);
}

/// <summary>
/// Walks a bound value and everything it holds (records, lists, nested objects of this system's own types) once and
/// reports every place that breaks <see cref="InputRules"/>, each error naming its field path. Values of other types
/// (services, streams, framework objects) are not looked into.
/// </summary>
public static class InputInspector
{
    private const int MaxDepth = 16;

    private static readonly ConcurrentDictionary<Type, Member[]> MembersByType = new();

    public static List<Error> Inspect(object? value, string path, InputInspection how)
    {
        var errors = new List<Error>();
        Walk(value, path, how, errors, depth: 0);
        return errors;
    }

    private static void Walk(object? value, string path, InputInspection how, List<Error> errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                Report(InputRules.CheckText(text));
                return;
            case char c:
                Report(c == '\0' || char.IsSurrogate(c) ? InputRules.InvalidCharacter : null);
                return;
            case DateOnly date:
                Report(InputRules.IsSupported(date) ? null : InputRules.DateOutOfRange);
                return;
            case DateTime time:
                Report(InputRules.IsSupported(time) ? null : InputRules.DateOutOfRange);
                return;
            case DateTimeOffset time:
                Report(InputRules.IsSupported(time) ? null : InputRules.DateOutOfRange);
                return;
            case int or long or short when IsPaging(path) is { } rule:
                Report(rule(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
                return;
            case Enum named:
                Report(InputRules.IsDefined(named) ? null : InputRules.UnknownValue);
                return;
            case IFormFile file:
                Report(InputRules.CheckText(file.FileName));
                return;
            case Stream or byte[] or Delegate or CancellationToken:
                return;
            case IDictionary map:
                WalkItems(map.Keys.Cast<object?>().Zip(map.Values.Cast<object?>()), key => $"{path}[{key}]", how, errors, depth, path);
                return;
            case IEnumerable items:
                WalkItems(items.Cast<object?>().Select((item, i) => ((object?)i, item)), i => $"{path}[{i}]", how, errors, depth, path);
                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || !IsOwn(type)) return;
        foreach (var member in MembersOf(type))
        {
            var memberPath = Join(path, how.CamelCase ? member.CamelName : member.Property.Name);
            var memberValue = member.Property.GetValue(value);
            if (memberValue is null)
            {
                if (how.NonNullableIsRequired && !member.Nullable) errors.Add(At(InputRules.Required, memberPath));
                continue;
            }
            Walk(memberValue, memberPath, how, errors, depth + 1);
        }

        void Report(Error? error)
        {
            if (error is not null) errors.Add(At(error, path));
        }
    }

    private static void WalkItems(IEnumerable<(object? Key, object? Item)> items, Func<object?, string> pathOf, InputInspection how, List<Error> errors, int depth, string path)
    {
        var count = 0;
        foreach (var (key, item) in items)
        {
            if (++count > InputRules.MaxItems)
            {
                errors.Add(At(InputRules.TooManyItems, path));
                return;
            }
            if (key is string text && InputRules.CheckText(text) is { } keyError) errors.Add(At(keyError, path));
            if (item is null) errors.Add(At(InputRules.NullItem, pathOf(key)));
            else Walk(item, pathOf(key), how, errors, depth + 1);
        }
    }

    /// <summary>page and pageSize, wherever they are bound (query parameters, a query's properties).</summary>
    private static Func<long, Error?>? IsPaging(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (name.Equals("page", StringComparison.OrdinalIgnoreCase)) return n => InputRules.IsPage(n) ? null : InputRules.PageOutOfRange;
        if (name.Equals("pageSize", StringComparison.OrdinalIgnoreCase)) return n => InputRules.IsPageSize(n) ? null : InputRules.PageSizeOutOfRange;
        return null;
    }

    private static Error At(Error error, string path) => error with { Field = path.Length == 0 ? null : path };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static bool IsOwn(Type type) => type.Assembly.GetName().Name?.StartsWith("ExpertSupport.", StringComparison.Ordinal) == true;

    private static Member[] MembersOf(Type type) => MembersByType.GetOrAdd(type, static t =>
    {
        // Only data that binding can set (get and set/init); computed properties would repeat what they are made of.
        var nullability = new NullabilityInfoContext();
        return [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Select(p => new Member(p, char.ToLowerInvariant(p.Name[0]) + p.Name[1..],
                p.PropertyType.IsValueType || nullability.Create(p).ReadState != NullabilityState.NotNull))];
    });

    private sealed record Member(PropertyInfo Property, string CamelName, bool Nullable);
}
