using Parquet;
using Parquet.Schema;
using XGenEval.Core.Errors;
using XGenEval.Core.Images;

namespace XGenEval.Benchmarks.Datasets.HuggingFace;

/// <summary>
/// The encoded images of one <c>Image</c> column of one parquet file (<c>struct&lt;bytes: binary, path: string&gt;</c>),
/// read when a model asks for them. Parquet reads a column a row group at a time (a row group's images are one
/// compressed column chunk, so reading a single image is not cheaper), and `run` visits items by prompt cost,
/// not by row: the row groups read are kept in <see cref="RowGroupImageCache"/> so that each is decompressed
/// once while the cache's budget holds them.
/// </summary>
sealed class HfImageColumn(string file, string column, FieldPath bytesPath, RowGroupImageCache? cache = null)
{
    readonly RowGroupImageCache cache = cache ?? RowGroupImageCache.Shared;

    /// <summary>A lazily read image for row <paramref name="row"/> of the file (1-based), which is row
    /// <paramref name="index"/> of row group <paramref name="group"/>.</summary>
    public ImageSource Source(int group, int index, long row, string? storedPath) =>
        new EncodedImageSource($"{file}#{row}", $"{file} row {row}, column '{column}'", () => Read(group, index, row, storedPath));

    byte[] Read(int group, int index, long row, string? storedPath)
    {
        byte[]? bytes = cache.Get(file, column, group, () => Load(group))[index];
        // datasets stores path-only images for files that lived on the exporter's disk; they cannot be had here.
        return bytes ?? throw DataException.At(file, row, column, storedPath is null
            ? "no image bytes (the image is null)"
            : $"no image bytes, only a path on the exporting machine ({storedPath})");
    }

    byte[]?[] Load(int group)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            try
            {
                var field = reader.Schema.FindDataField(bytesPath);
                var leaf = ParquetLeaf.Read(reader.OpenRowGroupReader(group), field, file, column);
                var rows = new byte[]?[leaf.Count];
                for (int i = 0; i < rows.Length; i++) rows[i] = leaf.Values[i] as byte[];
                return rows;
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ParquetException or InvalidDataException or ArgumentException)
        {
            throw new DataException($"{file}: cannot read the images of column '{column}': {e.Message}", e);
        }
    }
}
