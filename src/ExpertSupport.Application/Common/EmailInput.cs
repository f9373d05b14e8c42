namespace ExpertSupport.Application.Common;

public static class EmailInput
{
    /// <summary>Something@somewhere with no spaces, at most 256 characters: the shape check; delivery is the real test.</summary>
    public static bool IsPlausible(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > 256 || email.Any(char.IsWhiteSpace)) return false;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && email[(at + 1)..].Contains('.', StringComparison.Ordinal);
    }
}
