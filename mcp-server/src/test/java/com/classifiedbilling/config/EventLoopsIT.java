package com.classifiedbilling.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.PostgresIntegrationTest;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.publisher.Flux;

/**
 * The HTTP server and the PostgreSQL driver run on one set of event loops, this context's own, so
 * that a call is not handed from one loop's thread to another's and back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventLoopsIT extends PostgresIntegrationTest {

    @Autowired
    EventLoops eventLoops;

    @Autowired
    ReactorResourceFactory httpResources;

    @Autowired
    ConnectionPool pool;

    @Test
    void theHttpServerShouldServeOnTheContextsEventLoops() {
        assertThat(httpResources.isUseGlobalResources()).isFalse();
        assertThat(httpResources.getLoopResources()).isSameAs(eventLoops.loops());
    }

    @Test
    void theDatabaseDriverShouldDeliverRowsOnTheSameEventLoops() {
        List<String> threads = Flux.usingWhen(
                        pool.create(),
                        connection -> Flux.from(
                                        connection.createStatement("SELECT 1").execute())
                                .flatMap(result -> result.map((row, metadata) ->
                                        Thread.currentThread().getName())),
                        Connection::close)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(threads)
                .as("the thread a row is decoded on")
                .singleElement()
                .asString()
                .startsWith("billing-");
    }
}
