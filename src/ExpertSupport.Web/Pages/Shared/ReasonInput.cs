namespace ExpertSupport.Web.Pages.Shared;

/// <summary>A reason typed into one of the office's decision forms (reject, suspend, reinstate).</summary>
public sealed class ReasonInput
{
    public string? Reason { get; set; }
}
