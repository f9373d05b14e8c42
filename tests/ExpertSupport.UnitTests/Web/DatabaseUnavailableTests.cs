using System.Net.Sockets;
using ExpertSupport.Web.Api;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.UnitTests.Web;

public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData("57P01")] // admin_shutdown: the server is restarting
    [InlineData("57P03")] // cannot_connect_now: starting up
    [InlineData("08006")] // connection_failure
    [InlineData("53300")] // too_many_connections
    public void A_server_that_is_going_away_or_full_is_unavailable_not_an_error(string sqlState)
    {
        var wrapped = new DbUpdateException("save failed", new PostgresException("gone", "FATAL", "FATAL", sqlState));

        Assert.True(ApiExceptionHandler.IsDatabaseUnavailable(wrapped));
    }

    [Fact]
    public void A_refused_connection_is_unavailable()
    {
        Assert.True(ApiExceptionHandler.IsDatabaseUnavailable(
            new InvalidOperationException("outer", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)))));
    }

    [Theory]
    [InlineData("23505")] // a unique key: the request's own conflict
    [InlineData("23P01")] // the exclusion constraint
    [InlineData("42P01")] // a bug: undefined table
    public void An_answer_from_a_working_server_is_not_unavailability(string sqlState)
    {
        Assert.False(ApiExceptionHandler.IsDatabaseUnavailable(new PostgresException("no", "ERROR", "ERROR", sqlState)));
        Assert.False(ApiExceptionHandler.IsDatabaseUnavailable(new InvalidOperationException("plain")));
    }
}
