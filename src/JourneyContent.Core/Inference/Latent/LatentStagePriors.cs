using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>The Dirichlet priors of a latent-stage model: what a site without history uses, and what anchors fitting to the editors' tags.</summary>
/// <remarks>
/// <para>Each prior is a mean and a weight in pseudo-events, added to the expected counts in every M-step (MAP estimation),
/// and the starting point of fitting, so hidden state k keeps meaning stage k:</para>
/// <list type="bullet">
/// <item><b>Start</b>: ∝ 0.8^k (more visitors arrive at the top of the funnel, but one read of a later stage's content
/// outweighs that); 5 pseudo-visitors.</item>
/// <item><b>Transitions</b>, one matrix per pause band: from each stage to the next 0.09 after a pause within a day, 0.15
/// within a week, 0.22 within a month and 0.28 after longer; back 0.02, 0.04, 0.06 and 0.08; the rest 0.01 shared, and
/// staying takes what is left (forward more often than back, and more moves the longer the pause); 10 pseudo-sessions per
/// row.</item>
/// <item><b>Event types</b>: view, engaged, cta_click, download and form_submit 2 pseudo-events each per stage; a trial
/// sign-up or demo request 1 in the trial stage and 0.02 elsewhere, a purchase or customer flag likewise for the customer
/// stage (strong evidence until the history says otherwise).</item>
/// <item><b>Groups</b> (tagged stage, kind) read by a stage: ∝ group size (at least 1) × 8 when the group is tagged with that stage,
/// × 2 for a neighbouring stage, × 1 otherwise (untagged groups × 1); 30 pseudo-reads per stage. Each event type's own
/// group distribution backs off to this pooled one with 10 pseudo-reads. Engaged reads are not choices of content (see
/// <c>LatentStageModel.ChoosesContent</c>) and are left out of the pooled one; their prior is the pooled one with the stage's
/// own groups × 1.5, so a scroll through on-stage content is mild evidence (about 1.5 : 1) until the history says how much.</item>
/// <item><b>Items within a group</b>: uniform, 3 pseudo-reads, so an item needs a few reads before it stands apart.</item>
/// </list>
/// </remarks>
public sealed class LatentStagePriors
{
    /// <summary>Pseudo-reads by which each type's group distribution backs off to the pooled one.</summary>
    public const double TypeGroupWeight = 10;

    /// <summary>How much likelier the prior makes an engaged read of an item tagged with the visitor's stage than of any other (before normalising).</summary>
    public const double FollowUpOnStageLift = 1.5;

    /// <summary>Pseudo-reads by which an item's share of its group backs off to uniform.</summary>
    public const double ItemWeight = 3;

    // Per pause band (within a day, a week, a month, longer): the prior chance of moving to the next stage and back.
    private static readonly (double Next, double Previous)[] BandMoves = [(0.09, 0.02), (0.15, 0.04), (0.22, 0.06), (0.28, 0.08)];

    private static readonly JourneyEventType[] ContentTypes =
        [JourneyEventType.View, JourneyEventType.Engaged, JourneyEventType.CtaClick, JourneyEventType.Download, JourneyEventType.FormSubmit];

    /// <summary>Creates the documented priors for <paramref name="catalogue"/>.</summary>
    /// <param name="catalogue">The content and stages.</param>
    /// <param name="trialStage">The stage a trial sign-up or demo request signals, or -1.</param>
    /// <param name="customerStage">The stage a purchase or customer flag signals, or -1.</param>
    public LatentStagePriors(LatentCatalogue catalogue, int trialStage, int customerStage)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Catalogue = catalogue;
        TrialStage = trialStage;
        CustomerStage = customerStage;
        var k = catalogue.StageCount;
        var types = LatentStageModel.TypeCount;
        Start = new double[k];
        var total = 0.0;
        for (var s = 0; s < k; s++)
        {
            total += Start[s] = Math.Pow(0.8, s);
        }

        for (var s = 0; s < k; s++)
        {
            Start[s] *= 5 / total;
        }

        Transition = new double[LatentStageModel.BandCount * k * k];
        for (var band = 0; band < LatentStageModel.BandCount; band++)
        {
            var (next, previous) = BandMoves[band];
            for (var from = 0; from < k; from++)
            {
                var others = k - 1 - (from > 0 ? 1 : 0) - (from < k - 1 ? 1 : 0);
                var row = ((band * k) + from) * k;
                for (var to = 0; to < k; to++)
                {
                    var p = to == from ? 0.99 - next - previous : to == from + 1 ? next : to == from - 1 ? previous : 0.01 / Math.Max(1, others);
                    Transition[row + to] = p;
                }

                // At the funnel's ends the missing neighbour's share stays put.
                Transition[row + from] += (from == k - 1 ? next : 0) + (from == 0 ? previous : 0) + (others == 0 ? 0.01 : 0);
                for (var to = 0; to < k; to++)
                {
                    Transition[row + to] *= 10;
                }
            }
        }

        TypeEmission = new double[k * types];
        for (var s = 0; s < k; s++)
        {
            foreach (var t in ContentTypes)
            {
                TypeEmission[(s * types) + (int)t] = 2;
            }

            var trial = s == trialStage ? 1 : 0.02;
            var customer = s == customerStage ? 1 : 0.02;
            TypeEmission[(s * types) + (int)JourneyEventType.TrialSignUp] = trial;
            TypeEmission[(s * types) + (int)JourneyEventType.DemoRequest] = trial;
            TypeEmission[(s * types) + (int)JourneyEventType.Purchase] = customer;
            TypeEmission[(s * types) + (int)JourneyEventType.CustomerFlag] = customer;
        }

        var g = catalogue.GroupCount;
        Group = new double[g * k];
        for (var s = 0; s < k; s++)
        {
            var sum = 0.0;
            for (var group = 0; group < g; group++)
            {
                var tag = catalogue.GroupStage(group);
                var w = tag < 0 ? 1 : tag == s ? 8 : Math.Abs(tag - s) == 1 ? 2 : 1;
                // A group without items yet (a site whose catalogue is not known to the model) counts as one item.
                sum += Group[(group * k) + s] = Math.Max(1, catalogue.GroupSize[group]) * w;
            }

            for (var group = 0; group < g; group++)
            {
                Group[(group * k) + s] = sum > 0 ? Group[(group * k) + s] * 30 / sum : 0;
            }
        }
    }

    /// <summary>The catalogue.</summary>
    public LatentCatalogue Catalogue { get; }

    /// <summary>The trial stage index, or -1.</summary>
    public int TrialStage { get; }

    /// <summary>The customer stage index, or -1.</summary>
    public int CustomerStage { get; }

    internal double[] Start { get; }

    internal double[] Transition { get; }

    internal double[] TypeEmission { get; }

    // Pooled P(group | stage) pseudo-counts: [group × stages + stage].
    internal double[] Group { get; }

    /// <summary>The model the priors give on their own: what a site without history uses.</summary>
    public LatentStageModel Model(TimeSpan sessionGap) =>
        LatentStageFitter.Estimate(new LatentCounts(Catalogue), this, sessionGap, LatentStageModel.DefaultSwitchMargin);
}
