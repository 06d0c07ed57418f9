namespace JourneyContent.Editing;

/// <summary>The back office's roles, as stored on <see cref="EditorAccount.Roles"/> and issued as role claims.</summary>
public static class JourneyRoles
{
    /// <summary>Tags content and reviews coverage.</summary>
    public const string Editor = "editor";

    /// <summary>Reviews leads, reports and coverage.</summary>
    public const string Marketer = "marketer";

    /// <summary>Everything, including users and privacy operations.</summary>
    public const string Admin = "admin";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Editor, Marketer, Admin];

    /// <summary>True for one of <see cref="All"/>, ignoring case and surrounding spaces.</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role.Trim().ToLowerInvariant());
}
