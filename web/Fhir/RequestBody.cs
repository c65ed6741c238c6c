namespace KMN.Orleans.Web.Fhir;

/// <summary>Reads the request body up to a limit; null when it is larger (checked before and while reading).</summary>
public static class RequestBody
{
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
            return null;
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = limit + 1;
        // Sized from Content-Length when the client sent one: no regrowing copies of a large bundle.
        using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 0, limit));
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null; // Kestrel's own limit fired first
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
