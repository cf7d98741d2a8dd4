using Xunit;

namespace TopSharp.Tests.Accuracy;

/// <summary>
/// The accuracy tests measure the whole machine's CPU, so they run one at a time and
/// after every parallel collection of this assembly: a busy child from one test would
/// otherwise show up in another's totals.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AccuracyCollection
{
    public const string Name = "Accuracy: whole-machine CPU measurements";
}
