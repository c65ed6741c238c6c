using System.Buffers;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// A request body read into a pooled buffer, up to a limit. Bundles run to megabytes: renting keeps every upload
/// from leaving a large-object-heap array behind for the garbage collector. Dispose returns the buffer, so
/// nothing may keep <see cref="Memory"/> (or a JsonDocument over it) beyond that.
/// </summary>
public sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;

    private RequestBody(byte[] buffer, int length) => (_buffer, Memory) = (buffer, buffer.AsMemory(0, length));

    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>Null when the body is larger than <paramref name="limit"/> (checked before and while reading).</summary>
    public static async Task<RequestBody?> ReadAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
            return null;
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = limit + 1;
        // Sized from Content-Length when the client sent one (plus a byte to see the end), else grown as needed.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min((context.Request.ContentLength ?? 64 * 1024) + 1, limit + 1));
        var length = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
            {
                length += read;
                if (length > limit)
                    return Release(buffer);
                if (length == buffer.Length)
                    buffer = Grow(buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Release(buffer); // Kestrel's own limit fired first
        }
        catch
        {
            Release(buffer);
            throw;
        }
        return new RequestBody(buffer, length);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private static byte[] Grow(byte[] buffer, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static RequestBody? Release(byte[] buffer)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        return null;
    }
}
