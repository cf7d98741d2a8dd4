using TopSharp.Core.Sampling;
using TopSharp.Core.Sampling.Rates;

namespace TopSharp.ViewModels.Sampling;

/// <summary>
/// What the sampler loop publishes each tick: the newest snapshot, the one before it, and the
/// rates between the two. The first sample after start has no <see cref="Previous"/> and no rates.
/// </summary>
public sealed record Sample(SystemSnapshot Snapshot, SystemSnapshot? Previous, SnapshotRates? Rates);
