using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>Infers a visitor's buyer's-journey stage from what they read and do.</summary>
/// <remarks>
/// <para><b>Belief.</b> The stage and its confidence come from the latent-stage model in force
/// (<see cref="CompiledInferenceModel.Latent"/>, a <see cref="LatentStageModel"/>: the documented priors, or a model
/// fitted on the site's history): per visitor the engine keeps the filtered probability of every stage, updated at each
/// event, and the current stage is the most probable one behind a switching threshold. The events that moved the belief
/// most are kept, five at most, as the estimate's explanation.</para>
/// <para><b>Scores.</b> Alongside, each visitor keeps decayed points per stage (an event of type <c>e</c> on content of
/// kind <c>k</c> adds weight(e) × multiplier(k) to the content's stage; half-life <see cref="CompiledInferenceModel.HalfLife"/>;
/// session carry-over <see cref="CompiledInferenceModel.SessionCarryOver"/>) and the content that contributed most. They
/// are what reports show as scores and top content; they no longer choose the stage.</para>
/// <para><b>Explicit signals</b> (a declared stage; a trial sign-up or demo request → <see cref="CompiledInferenceModel.TrialStage"/>;
/// a purchase or customer flag → <see cref="CompiledInferenceModel.CustomerStage"/>) are strong evidence in the belief
/// and add their weight to that stage's score. For <see cref="CompiledInferenceModel.ExplicitSignalDuration"/> afterwards
/// (exclusive end) the signalled stage is a floor: whatever the visitor reads, their stage is never earlier than it,
/// though inference may still move them on (a new customer who reads the referral programme becomes an advocate).
/// The latest signal replaces any earlier one. When the period ends, the inferred stage applies again. A signal whose
/// stage the model lacks is ordinary evidence for its content. (A hard hold, forbidding forward moves too, cost 6
/// accuracy points on <c>JourneyContent.Simulation.SyntheticJourneyGenerator</c>'s journeys.)</para>
/// <para><b>Time.</b> Instants are compared in UTC. A state never moves back in time: an event older than the
/// visitor's last one is decayed to the last one's time before it is added.</para>
/// <para><b>Cost.</b> <see cref="Apply"/> does no lookup by string, no LINQ and no allocation: it reads the model's
/// arrays and the visitor's preallocated ones (O(stages + top content)). Estimates, merges and snapshots allocate.
/// The engine holds no mutable state and may be shared between threads; one visitor's state must not be updated by two
/// threads at once.</para>
/// </remarks>
public sealed class StageInferenceEngine
{
    private const double Underflow = 1e-250;

    /// <summary>Creates an engine for a compiled model.</summary>
    public StageInferenceEngine(CompiledInferenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>An engine for the built-in stage model with the default settings.</summary>
    public static StageInferenceEngine Default { get; } = new(CompiledInferenceModel.Default);

    private volatile CompiledInferenceModel _model;

    /// <summary>The compiled model in force.</summary>
    public CompiledInferenceModel Model => _model;

    /// <summary>Puts a re-fitted latent-stage model in force; visitors in memory keep their beliefs and go on under it.</summary>
    /// <exception cref="ArgumentException">The latent model was made for other stages or content kinds.</exception>
    public void UseLatent(LatentStageModel latent) => _model = _model.WithLatent(latent);

    /// <summary>A new visitor about whom nothing is known.</summary>
    public VisitorState NewVisitor() => Model.NewVisitor();

    /// <summary>Applies one event to a visitor and reports the stage changes it causes; allocates nothing.</summary>
    /// <param name="visitor">The visitor, from this engine's model.</param>
    /// <param name="at">When the event happened.</param>
    /// <param name="type">What happened.</param>
    /// <param name="content">The content it happened on, or null (a signal without a page).</param>
    /// <param name="declaredStage">The stage declared by a <see cref="JourneyEventType.DeclaredStage"/> event; null for every other type.</param>
    /// <returns>The changes of the visitor's stage (explicit signals included), in time order.</returns>
    public StageChanges Apply(VisitorState visitor, DateTimeOffset at, JourneyEventType type, ContentSignal? content = null, Stage? declaredStage = null)
    {
        var model = Model;
        ArgumentNullException.ThrowIfNull(visitor);
        if (visitor.Model.Lineage != model.Lineage)
        {
            ThrowForeign(nameof(visitor));
        }

        if (content is not null && content.Model.Lineage != model.Lineage)
        {
            ThrowForeign(nameof(content));
        }

        if ((uint)type >= JourneyEventTypes.Count)
        {
            ThrowBadType(type);
        }

        // An impression is something the site did, not the visitor: it is stored for reports and leaves inference untouched.
        if (type == JourneyEventType.CtaImpression)
        {
            return default;
        }

        var explicitStage = ExplicitStage(type, declaredStage);
        var now = at.UtcTicks;
        if (!visitor.HasEvents)
        {
            visitor.HasEvents = true;
            visitor.LastTicks = now;
        }

        var changes = Expire(visitor, Math.Max(now, visitor.LastTicks), default);
        var late = 1.0;
        if (now > visitor.LastTicks)
        {
            var newSession = now - visitor.LastTicks > model.SessionGapTicks;
            Decay(visitor, Math.Exp(-(now - visitor.LastTicks) * model.DecayRatePerTick));
            visitor.LastTicks = now;
            if (newSession)
            {
                CarryOver(visitor, model.SessionCarryOver);
            }
        }
        else if (now < visitor.LastTicks)
        {
            late = Math.Exp(-(visitor.LastTicks - now) * model.DecayRatePerTick);
        }

        var before = visitor.EffectiveStage;
        var weight = model.EventWeightTable[(int)type] * (content?.KindMultiplier ?? 1.0) * late;
        var reason = StageChangeReason.Inference;
        var scores = visitor.Scores;
        if (explicitStage >= 0 && (visitor.OverrideStage < 0 || now >= visitor.OverrideSetTicks))
        {
            scores[explicitStage] += weight;
            if (content is not null)
            {
                AddContribution(visitor, content.ContentId, explicitStage, weight);
            }

            visitor.OverrideStage = -1;
            if (model.ExplicitDurationTicks > 0 && now + model.ExplicitDurationTicks > visitor.LastTicks)
            {
                visitor.OverrideStage = explicitStage;
                visitor.OverrideSetTicks = now;
                visitor.OverrideUntilTicks = now + model.ExplicitDurationTicks;
                visitor.OverrideSignal = type;
            }

            reason = StageChangeReason.ExplicitSignal;
        }
        else if (explicitStage >= 0)
        {
            // An explicit signal older than the one holding the stage is evidence only.
            scores[explicitStage] += weight;
            if (content is not null)
            {
                AddContribution(visitor, content.ContentId, explicitStage, weight);
            }
        }
        else if (content is not null && content.StageIndex >= 0)
        {
            scores[content.StageIndex] += weight;
            var secondary = content.SecondaryIndices;
            var shares = content.SecondaryShares;
            for (var i = 0; i < secondary.Length; i++)
            {
                scores[secondary[i]] += weight * shares[i];
            }

            AddContribution(visitor, content.ContentId, content.StageIndex, weight);
        }

        Believe(visitor, model, new LatentObservation(
            now,
            type,
            content is null ? -1 : content.Model == model ? content.LatentItem : model.Latent.Catalogue.IndexOf(content.ContentId),
            type == JourneyEventType.DeclaredStage ? explicitStage : -1,
            content?.LatentGroup ?? -1), content?.ContentId);
        var after = visitor.EffectiveStage;
        if (after != before)
        {
            changes = changes.With(new StageTransition(
                before < 0 ? null : model.StageAt(before),
                model.StageAt(after),
                new DateTimeOffset(visitor.LastTicks, TimeSpan.Zero),
                content?.ContentId,
                reason));
        }

        return changes;
    }

    /// <summary>The visitor's stage at <paramref name="at"/> (never earlier than an explicit signal's in its period), or null when nothing is known; allocates nothing.</summary>
    public Stage? StageAt(VisitorState visitor, DateTimeOffset at)
    {
        CheckVisitor(visitor);
        var stage = IsHeld(visitor, Math.Max(at.UtcTicks, visitor.LastTicks))
            ? Math.Max(visitor.OverrideStage, visitor.Current)
            : visitor.Current;
        return stage < 0 ? null : Model.StageAt(stage);
    }

    /// <summary>The visitor's stage, confidence, scores and top content at <paramref name="at"/> (or at its last event, if later).</summary>
    public StageEstimate Estimate(VisitorState visitor, DateTimeOffset at)
    {
        CheckVisitor(visitor);
        var model = Model;
        var ticks = visitor.HasEvents ? Math.Max(at.UtcTicks, visitor.LastTicks) : at.UtcTicks;
        var factor = DecayFactor(visitor.LastTicks, ticks);
        var scores = new Dictionary<string, double>(model.StageCount, StringComparer.OrdinalIgnoreCase);
        var total = 0.0;
        for (var i = 0; i < model.StageCount; i++)
        {
            var score = visitor.Scores[i] * factor;
            scores[model.StageAt(i).Key] = score;
            total += score;
        }

        var top = TopContent(visitor, factor);
        var (stage, confidence, source) = Summarize(visitor, ticks, factor, total);
        ExplicitStage? signal = !IsHeld(visitor, ticks) ? null : new ExplicitStage(
            model.StageAt(visitor.OverrideStage).Key,
            visitor.OverrideSignal,
            new DateTimeOffset(visitor.OverrideSetTicks, TimeSpan.Zero),
            new DateTimeOffset(visitor.OverrideUntilTicks, TimeSpan.Zero));
        return new StageEstimate(new DateTimeOffset(ticks, TimeSpan.Zero), stage, confidence, source, scores, top, signal, Probabilities(visitor), Explanation(visitor));
    }

    /// <summary>The visitor's stage, its confidence and source at <paramref name="at"/>, as <see cref="Estimate"/> gives them; allocates nothing.</summary>
    public (Stage? Stage, double Confidence, StageSource Source) StageWithConfidence(VisitorState visitor, DateTimeOffset at)
    {
        CheckVisitor(visitor);
        var ticks = visitor.HasEvents ? Math.Max(at.UtcTicks, visitor.LastTicks) : at.UtcTicks;
        var factor = DecayFactor(visitor.LastTicks, ticks);
        var total = 0.0;
        foreach (var score in visitor.Scores)
        {
            total += score * factor;
        }

        return Summarize(visitor, ticks, factor, total);
    }

    private static bool IsHeld(VisitorState visitor, long ticks) => visitor.OverrideStage >= 0 && ticks < visitor.OverrideUntilTicks;

    private (Stage? Stage, double Confidence, StageSource Source) Summarize(VisitorState visitor, long ticks, double factor, double total)
    {
        var model = Model;
        var probabilities = visitor.Belief.Probabilities;
        if (IsHeld(visitor, ticks) && visitor.OverrideStage >= visitor.Current)
        {
            return (model.StageAt(visitor.OverrideStage), Math.Clamp(probabilities[visitor.OverrideStage], 0, 1), StageSource.Explicit);
        }

        if (visitor.Current < 0)
        {
            return (null, 0, StageSource.None);
        }

        return (model.StageAt(visitor.Current), Math.Clamp(probabilities[visitor.Current], 0, 1), StageSource.Inferred);
    }

    /// <summary>Merges <paramref name="other"/> (the same person seen on another device) into <paramref name="into"/>.</summary>
    /// <remarks>
    /// Both are decayed to the later of their last events and their scores added: evidence is additive, so this is what
    /// one visitor who had done both histories would have, session carry-over aside. Contributions are added by content id and the strongest kept. The current stage
    /// is that of the more recently active visitor, then challenged by the merged scores as after an event. The
    /// explicit signal is the latest received of the two, if still in its period at the merge time. <paramref name="other"/> is not changed.
    /// </remarks>
    /// <returns>The changes of <paramref name="into"/>'s stage: an explicit signal's expiry, then the merge's own effect.</returns>
    public StageChanges Merge(VisitorState into, VisitorState other)
    {
        CheckVisitor(into);
        CheckVisitor(other);
        if (ReferenceEquals(into, other))
        {
            throw new ArgumentException("A visitor cannot be merged with itself.", nameof(other));
        }

        if (!other.HasEvents)
        {
            return default;
        }

        var model = Model;
        var ticks = into.HasEvents ? Math.Max(into.LastTicks, other.LastTicks) : other.LastTicks;
        var changes = into.HasEvents ? Expire(into, ticks, default) : default;
        var before = into.EffectiveStage;
        if (!into.HasEvents)
        {
            into.CopyFrom(other);
        }
        else
        {
            var intoFactor = DecayFactor(into.LastTicks, ticks);
            var otherFactor = DecayFactor(other.LastTicks, ticks);
            Decay(into, intoFactor);
            for (var i = 0; i < into.Scores.Length; i++)
            {
                into.Scores[i] += other.Scores[i] * otherFactor;
            }

            var merged = new Dictionary<string, (int Stage, double Value)>(StringComparer.Ordinal);
            foreach (var (state, factor) in new[] { (into, 1.0), (other, otherFactor) })
            {
                for (var i = 0; i < state.TopCount; i++)
                {
                    var id = state.TopIds[i]!;
                    var value = state.TopValues[i] * factor;
                    merged[id] = merged.TryGetValue(id, out var existing) ? (existing.Stage, existing.Value + value) : (state.TopStages[i], value);
                }
            }

            var kept = merged.OrderByDescending(m => m.Value.Value).ThenBy(m => m.Key, StringComparer.Ordinal).Take(into.TopIds.Length).ToList();
            Array.Clear(into.TopIds);
            Array.Clear(into.TopValues);
            into.TopCount = kept.Count;
            for (var i = 0; i < kept.Count; i++)
            {
                into.TopIds[i] = kept[i].Key;
                into.TopStages[i] = kept[i].Value.Stage;
                into.TopValues[i] = kept[i].Value.Value;
            }

            var current = other.LastTicks > into.LastTicks || into.Current < 0
                ? (other.Current >= 0 ? other.Current : into.Current)
                : into.Current;
            MergeBelief(into, other, current, model);

            if (other.OverrideStage >= 0 && (into.OverrideStage < 0 || other.OverrideSetTicks > into.OverrideSetTicks))
            {
                into.OverrideStage = other.OverrideStage;
                into.OverrideSetTicks = other.OverrideSetTicks;
                into.OverrideUntilTicks = other.OverrideUntilTicks;
                into.OverrideSignal = other.OverrideSignal;
            }

            into.LastTicks = ticks;
            into.Belief.LastTicks = Math.Max(into.Belief.LastTicks, ticks);
        }

        Expire(into, ticks, default);
        var after = into.EffectiveStage;
        if (after != before && after >= 0)
        {
            changes = changes.With(new StageTransition(
                before < 0 ? null : model.StageAt(before),
                model.StageAt(after),
                new DateTimeOffset(ticks, TimeSpan.Zero),
                null,
                StageChangeReason.Merge));
        }

        return changes;
    }

    /// <summary>The visitor's state as plain data, to be stored and later given to <see cref="Restore"/>.</summary>
    public VisitorSnapshot Snapshot(VisitorState visitor)
    {
        CheckVisitor(visitor);
        if (!visitor.HasEvents)
        {
            return new VisitorSnapshot();
        }

        var model = Model;
        return new VisitorSnapshot
        {
            LastEventAt = visitor.LastEventAt,
            Scores = Enumerable.Range(0, model.StageCount).ToDictionary(i => model.StageAt(i).Key, i => visitor.Scores[i], StringComparer.OrdinalIgnoreCase),
            Stage = visitor.InferredStage?.Key,
            Explicit = visitor.OverrideStage < 0 ? null : new ExplicitStage(
                model.StageAt(visitor.OverrideStage).Key,
                visitor.OverrideSignal,
                new DateTimeOffset(visitor.OverrideSetTicks, TimeSpan.Zero),
                new DateTimeOffset(visitor.OverrideUntilTicks, TimeSpan.Zero)),
            TopContent = TopContent(visitor, 1),
            Probabilities = Probabilities(visitor),
            Explanation = Explanation(visitor),
        };
    }

    /// <summary>Rebuilds a visitor from a <see cref="Snapshot"/>, possibly taken under another model or settings.</summary>
    /// <remarks>Stages the model no longer has are dropped, with their scores and contributions; the top content is cut
    /// to <see cref="CompiledInferenceModel.TopContentCount"/>, strongest first. The current stage is kept if the model
    /// still has it, otherwise it is chosen afresh from the scores.</remarks>
    /// <exception cref="ArgumentException">A score or contribution is negative or not finite.</exception>
    public VisitorState Restore(VisitorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = Model;
        var visitor = model.NewVisitor();
        if (snapshot.LastEventAt is not { } last)
        {
            return visitor;
        }

        visitor.HasEvents = true;
        visitor.LastTicks = last.UtcTicks;
        foreach (var (key, score) in snapshot.Scores)
        {
            if (!(double.IsFinite(score) && score >= 0))
            {
                throw new ArgumentException($"The score of '{key}' is {score}: a score is finite and 0 or more.", nameof(snapshot));
            }

            if (model.Stages.FindStage(key) is { } stage)
            {
                visitor.Scores[stage.Order] = score;
            }
        }

        foreach (var contribution in snapshot.TopContent.OrderByDescending(c => c.Score).ThenBy(c => c.ContentId, StringComparer.Ordinal))
        {
            if (!(double.IsFinite(contribution.Score) && contribution.Score >= 0))
            {
                throw new ArgumentException($"The contribution of '{contribution.ContentId}' is {contribution.Score}: it is finite and 0 or more.", nameof(snapshot));
            }

            if (model.Stages.FindStage(contribution.Stage) is { } stage && visitor.TopCount < visitor.TopIds.Length)
            {
                visitor.TopIds[visitor.TopCount] = contribution.ContentId;
                visitor.TopStages[visitor.TopCount] = stage.Order;
                visitor.TopValues[visitor.TopCount] = contribution.Score;
                visitor.TopCount++;
            }
        }

        if (snapshot.Explicit is { } signal && model.Stages.FindStage(signal.Stage) is { } explicitStage)
        {
            visitor.OverrideStage = explicitStage.Order;
            visitor.OverrideSignal = signal.Signal;
            visitor.OverrideSetTicks = signal.SetAt.UtcTicks;
            visitor.OverrideUntilTicks = signal.Until.UtcTicks;
        }

        RestoreBelief(visitor, snapshot, model);

        return visitor;
    }

    // Updates the latent belief with one event and keeps the five events that moved it most; allocates nothing.
    private static void Believe(VisitorState visitor, CompiledInferenceModel model, in LatentObservation observation, string? contentId)
    {
        var belief = visitor.Belief;
        var p = belief.Probabilities;
        var before = visitor.Before;

        // The first event moves the belief from the start distribution, not from nothing.
        Array.Copy(belief.HasEvents ? p : model.Latent.StartArray, before, p.Length);
        model.Latent.Apply(belief, observation);
        visitor.Current = belief.Current;
        var stage = -1;
        var change = 0.0;
        for (var s = 0; s < p.Length; s++)
        {
            var d = p[s] - before[s];
            if (Math.Abs(d) > Math.Abs(change))
            {
                (stage, change) = (s, d);
            }
        }

        AddShift(visitor, observation.Ticks, observation.Type, contentId, stage, change);
    }

    private static void AddShift(VisitorState visitor, long ticks, JourneyEventType type, string? contentId, int stage, double change)
    {
        if (stage < 0 || !(Math.Abs(change) > 1e-9))
        {
            return;
        }

        var slot = visitor.ShiftCount;
        if (slot == VisitorState.ExplanationSize)
        {
            // Full: replace the weakest shift if this one is stronger (ties keep the earlier event).
            slot = 0;
            for (var i = 1; i < VisitorState.ExplanationSize; i++)
            {
                if (Math.Abs(visitor.ShiftChanges[i]) < Math.Abs(visitor.ShiftChanges[slot]))
                {
                    slot = i;
                }
            }

            if (!(Math.Abs(change) > Math.Abs(visitor.ShiftChanges[slot])))
            {
                return;
            }
        }
        else
        {
            visitor.ShiftCount++;
        }

        visitor.ShiftTicks[slot] = ticks;
        visitor.ShiftTypes[slot] = type;
        visitor.ShiftContent[slot] = contentId;
        visitor.ShiftStages[slot] = stage;
        visitor.ShiftChanges[slot] = change;
    }

    // The same person's two beliefs are independent evidence about one stage: their normalised product.
    private static void MergeBelief(VisitorState into, VisitorState other, int current, CompiledInferenceModel model)
    {
        var p = into.Belief.Probabilities;
        var (earlier, later) = other.Belief.LastTicks >= into.Belief.LastTicks ? (into.Belief, other.Belief) : (other.Belief, into.Belief);
        model.Latent.Combine(earlier, later, into.Before);
        Array.Copy(into.Before, p, p.Length);

        into.Belief.Current = model.Latent.Choose(p, current);
        into.Current = into.Belief.Current;
        for (var i = 0; i < other.ShiftCount; i++)
        {
            AddShift(into, other.ShiftTicks[i], other.ShiftTypes[i], other.ShiftContent[i], other.ShiftStages[i], other.ShiftChanges[i]);
        }
    }

    private List<BeliefShift> Explanation(VisitorState visitor)
    {
        var list = new List<BeliefShift>(visitor.ShiftCount);
        for (var i = 0; i < visitor.ShiftCount; i++)
        {
            list.Add(new BeliefShift(
                new DateTimeOffset(visitor.ShiftTicks[i], TimeSpan.Zero),
                visitor.ShiftTypes[i],
                visitor.ShiftContent[i],
                Model.StageAt(visitor.ShiftStages[i]).Key,
                visitor.ShiftChanges[i]));
        }

        list.Sort((a, b) => Math.Abs(b.Change).CompareTo(Math.Abs(a.Change)) is var c and not 0 ? c : a.At.CompareTo(b.At));
        return list;
    }

    private Dictionary<string, double> Probabilities(VisitorState visitor)
    {
        var model = Model;
        var result = new Dictionary<string, double>(model.StageCount, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < model.StageCount; i++)
        {
            result[model.StageAt(i).Key] = visitor.HasEvents ? visitor.Belief.Probabilities[i] : 0;
        }

        return result;
    }

    private static void RestoreBelief(VisitorState visitor, VisitorSnapshot snapshot, CompiledInferenceModel model)
    {
        // A snapshot from before the latent model has no probabilities: start from the scores' shares, smoothed.
        var p = visitor.Before;
        var fromSnapshot = snapshot.Probabilities.Count > 0;
        Array.Fill(p, fromSnapshot ? 0 : 0.5);
        foreach (var (key, value) in fromSnapshot ? snapshot.Probabilities : snapshot.Scores)
        {
            if (!(double.IsFinite(value) && value >= 0))
            {
                throw new ArgumentException($"The probability of '{key}' is {value}: it is finite and 0 or more.", nameof(snapshot));
            }

            if (model.Stages.FindStage(key) is { } stage)
            {
                p[stage.Order] += value;
            }
        }

        var sum = p.Sum();
        if (!(Math.Abs(sum - 1) < 1e-9))
        {
            // Only renormalise what needs it, so that a snapshot of a belief restores it bit for bit.
            for (var s = 0; s < p.Length; s++)
            {
                p[s] = sum > 0 ? p[s] / sum : 1.0 / p.Length;
            }
        }

        var current = model.Stages.FindStage(snapshot.Stage)?.Order ?? -1;
        visitor.Belief.Set(p, current < 0 ? model.Latent.Choose(p, -1) : current, visitor.LastTicks);
        visitor.Current = visitor.Belief.Current;
        foreach (var shift in snapshot.Explanation.Take(VisitorState.ExplanationSize))
        {
            if (model.Stages.FindStage(shift.Stage) is { } stage && double.IsFinite(shift.Change))
            {
                AddShift(visitor, shift.At.UtcTicks, shift.Type, shift.ContentId, stage.Order, shift.Change);
            }
        }
    }

    private static void CarryOver(VisitorState visitor, double capacity)
    {
        var scores = visitor.Scores;
        var total = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            total += scores[i];
        }

        if (total > capacity)
        {
            Decay(visitor, capacity / total);
        }
    }

    private StageChanges Expire(VisitorState visitor, long now, StageChanges changes)
    {
        if (visitor.OverrideStage < 0 || now < visitor.OverrideUntilTicks)
        {
            return changes;
        }

        var from = visitor.EffectiveStage;
        visitor.OverrideStage = -1;
        return from == visitor.Current || visitor.Current < 0
            ? changes
            : changes.With(new StageTransition(
                Model.StageAt(from),
                Model.StageAt(visitor.Current),
                new DateTimeOffset(visitor.OverrideUntilTicks, TimeSpan.Zero),
                null,
                StageChangeReason.ExplicitSignalExpired));
    }

    private static void Decay(VisitorState visitor, double factor)
    {
        if (factor == 1)
        {
            return;
        }

        if (factor < Underflow)
        {
            // Keep the current stage but avoid denormal arithmetic on scores that have faded out.
            factor = 0;
        }

        var scores = visitor.Scores;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] *= factor;
        }

        var values = visitor.TopValues;
        for (var i = 0; i < visitor.TopCount; i++)
        {
            values[i] *= factor;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double DecayFactor(long from, long to) => to > from ? Math.Exp(-(to - from) * Model.DecayRatePerTick) : 1;

    private static void AddContribution(VisitorState visitor, string contentId, int stage, double value)
    {
        var ids = visitor.TopIds;
        var values = visitor.TopValues;
        var count = visitor.TopCount;
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(ids[i], contentId, StringComparison.Ordinal))
            {
                values[i] += value;
                visitor.TopStages[i] = stage;
                return;
            }
        }

        var slot = count;
        if (count == ids.Length)
        {
            // Full: the new item replaces the weakest one if it already weighs more (ties keep the incumbent).
            slot = 0;
            for (var i = 1; i < count; i++)
            {
                if (values[i] < values[slot])
                {
                    slot = i;
                }
            }

            if (!(value > values[slot]))
            {
                return;
            }
        }
        else
        {
            visitor.TopCount = count + 1;
        }

        ids[slot] = contentId;
        values[slot] = value;
        visitor.TopStages[slot] = stage;
    }

    private List<ContentContribution> TopContent(VisitorState visitor, double factor)
    {
        var list = new List<ContentContribution>(visitor.TopCount);
        for (var i = 0; i < visitor.TopCount; i++)
        {
            list.Add(new ContentContribution(visitor.TopIds[i]!, Model.StageAt(visitor.TopStages[i]).Key, visitor.TopValues[i] * factor));
        }

        list.Sort((a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : string.CompareOrdinal(a.ContentId, b.ContentId));
        return list;
    }

    private int ExplicitStage(JourneyEventType type, Stage? declaredStage)
    {
        if (type == JourneyEventType.DeclaredStage)
        {
            if (declaredStage is null || (uint)declaredStage.Order >= (uint)Model.StageCount || !ReferenceEquals(Model.StageAt(declaredStage.Order), declaredStage))
            {
                ThrowBadDeclaredStage(declaredStage);
            }

            return declaredStage.Order;
        }

        if (declaredStage is not null)
        {
            ThrowBadDeclaredStage(declaredStage);
        }

        return type switch
        {
            JourneyEventType.TrialSignUp or JourneyEventType.DemoRequest => Model.TrialStageIndex,
            JourneyEventType.Purchase or JourneyEventType.CustomerFlag => Model.CustomerStageIndex,
            _ => -1,
        };
    }

    private void CheckVisitor(VisitorState visitor, [CallerArgumentExpression(nameof(visitor))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(visitor, name);
        if (visitor.Model.Lineage != Model.Lineage)
        {
            ThrowForeign(name!);
        }
    }

    [DoesNotReturn]
    private static void ThrowForeign(string name) =>
        throw new ArgumentException("It was made by another compiled model than this engine's.", name);

    [DoesNotReturn]
    private static void ThrowBadType(JourneyEventType type) =>
        throw new ArgumentOutOfRangeException(nameof(type), type, "Not a journey event type.");

    [DoesNotReturn]
    private static void ThrowBadDeclaredStage(Stage? stage) =>
        throw new ArgumentException($"A declared_stage event names a stage of this engine's model, and only such an event does (got '{stage?.Key}').", "declaredStage");
}
