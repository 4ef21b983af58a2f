using XGenEval.Core.Images;

namespace XGenEval.Core.Models;

/// <summary>
/// A model runner that can also turn images into one feature vector each, for retrieval-based demonstration
/// selection (RICES). The vectors need not be normalised; the caller normalises them.
/// </summary>
public interface IImageEmbedder
{
    /// <summary>Names the features and how images become them (e.g. "siglip-attention-pool/base-tile"): part of
    /// the feature cache key, so a change of method never reuses old vectors.</summary>
    string EmbeddingName { get; }

    /// <summary>One vector per image, in order. An image's vector must not depend on which other images share the
    /// call, to the last bit: retrieval rankings are compared exactly.</summary>
    IReadOnlyList<float[]> EmbedImages(IReadOnlyList<ImageSource> images, CancellationToken cancellationToken = default);
}
