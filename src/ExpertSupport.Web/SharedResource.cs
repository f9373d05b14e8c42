namespace ExpertSupport.Web;

/// <summary>
/// Marker for the UI strings. The Japanese text is the key, so a page always has its Japanese wording;
/// Resources/SharedResource.en.resx holds the English. A missing translation shows Japanese, never a key.
/// </summary>
public sealed class SharedResource;
