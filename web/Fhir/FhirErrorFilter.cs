using KMN.Orleans.Grains.Abstractions.Records;
using Npgsql;

namespace KMN.Orleans.Web.Fhir;

/// <summary>
/// Errors leave the FHIR API as OperationOutcomes: a database or cluster outage is 503 (the upload's
/// transaction rolled back, nothing half-written), anything unexpected 500.
/// </summary>
public sealed class FhirErrorFilter(ILogger<FhirErrorFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (IsOutage(e))
        {
            log.LogWarning(e, "FHIR request failed: storage or cluster unavailable");
            return FhirResults.Problem(StatusCodes.Status503ServiceUnavailable, "transient",
                "データベースまたはクラスターに接続できません。しばらくしてから再送してください。");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "FHIR request failed");
            return FhirResults.Problem(StatusCodes.Status500InternalServerError, "exception", "サーバー内部のエラーです。");
        }
    }

    private static bool IsOutage(Exception e) => e switch
    {
        RecordStoreUnavailableException or NpgsqlException or TimeoutException or SiloUnavailableException
            or OrleansMessageRejectionException => true,
        _ => e.InnerException is { } inner && IsOutage(inner),
    };
}
