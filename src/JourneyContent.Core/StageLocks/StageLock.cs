using System.Globalization;
using JourneyContent.Inference;
using JourneyContent.Stages;

namespace JourneyContent.StageLocks;

/// <summary>A marketer's lock of a lead's stage: from <see cref="SetAt"/> until <see cref="Until"/> (exclusive) the lead's visitors are in exactly <see cref="Stage"/>, whatever inference says.</summary>
/// <remarks>
/// <para>A lock is a human decision about the stage, not something the visitor did, so it is not a journey event: it
/// never enters the latent belief, the fitted model or a replay's evidence. It is laid over the engine's estimate by
/// <see cref="Over"/>, the one place that applies it, so inference keeps learning underneath and decides again the
/// moment the lock ends.</para>
/// </remarks>
/// <param name="LeadId">The lead locked; the lock applies to every visitor merged into it.</param>
/// <param name="Stage">The stage key it holds.</param>
/// <param name="SetAt">When it was set (UTC).</param>
/// <param name="Until">When it ends (UTC, exclusive).</param>
/// <param name="SetBy">The back-office user who set it.</param>
/// <param name="Reason">Why, in the marketer's words; optional.</param>
public sealed record StageLock(string LeadId, string Stage, DateTimeOffset SetAt, DateTimeOffset Until, string SetBy, string? Reason)
{
    /// <summary>True when the lock holds at <paramref name="at"/>.</summary>
    public bool IsActiveAt(DateTimeOffset at) => at >= SetAt && at < Until;

    /// <summary>
    /// <paramref name="estimate"/> as the lock makes it: at a moment the lock holds, the locked stage with source
    /// <see cref="StageSource.Locked"/> and the model's own probability of that stage as confidence; otherwise unchanged.
    /// </summary>
    /// <remarks>A lock on a stage the funnel no longer has is ignored: inference decides.</remarks>
    public static StageEstimate Over(StageEstimate estimate, StageLock? stageLock, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(stages);
        return stageLock?.HeldStage(estimate.At, stages) is { } stage ? estimate.Locked(stage, stageLock) : estimate;
    }

    /// <summary>The privacy audit's detail of this lock, in the one format every store writes and <see cref="ReadAuditDetail"/> reads.</summary>
    public string AuditDetail() =>
        string.Create(CultureInfo.InvariantCulture, $"stage={Stage}; until={Until.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}; set_by={SetBy}{(Reason is null ? "" : ReasonField + Reason)}");

    /// <summary>
    /// The stage, end and reason written by <see cref="AuditDetail"/>, so a history can say them in words; null when
    /// <paramref name="detail"/> is not in that format (an entry written by an older version is shown as it is).
    /// </summary>
    public static (string Stage, DateTimeOffset Until, string? Reason)? ReadAuditDetail(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return null;
        }

        // The reason is the marketer's free text and comes last, so it may hold the separator itself.
        var reasonAt = detail.IndexOf(ReasonField, StringComparison.Ordinal);
        var fields = (reasonAt < 0 ? detail : detail[..reasonAt]).Split("; ");
        string? stage = null;
        DateTimeOffset? until = null;
        foreach (var field in fields)
        {
            if (field.StartsWith("stage=", StringComparison.Ordinal))
            {
                stage = field["stage=".Length..];
            }
            else if (field.StartsWith("until=", StringComparison.Ordinal)
                && DateTimeOffset.TryParse(field["until=".Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var end))
            {
                until = end;
            }
        }

        return stage is { Length: > 0 } && until is { } u ? (stage, u, reasonAt < 0 ? null : detail[(reasonAt + ReasonField.Length)..]) : null;
    }

    private const string ReasonField = "; reason=";

    /// <summary>The locked stage if the lock holds at <paramref name="at"/> and the funnel still has it; else null.</summary>
    internal Stage? HeldStage(DateTimeOffset at, StageModel stages) => IsActiveAt(at) ? stages.FindStage(Stage) : null;
}
