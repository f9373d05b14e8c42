namespace ExpertSupport.Infrastructure.Email;

/// <summary>
/// SMTP settings (section "Email"). With no host in Development and tests, the app starts its own local
/// SMTP sink and the real SMTP client delivers to it; the sink writes each message to <see cref="PickupDirectory"/>.
/// </summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "ExpertSupport 事務局 <no-reply@expertsupport.example.jp>";
    public string PickupDirectory { get; set; } = ".data/mail";
    /// <summary>Run the outbox dispatcher loop in this process (turn off for pure API nodes or in tests).</summary>
    public bool DispatcherEnabled { get; set; } = true;
}
