package app.sesame.health.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DrainingTest {
  private final Draining draining = new Draining();

  @Test
  void aStoppingNodeServesDuringTheNoticeThenWaitsForWhatIsInFlight() throws Exception {
    assertTrue(draining.enter(), "a request under way when the stop is asked");
    CompletableFuture<Void> drained =
        CompletableFuture.runAsync(
            () -> draining.drain(Duration.ofSeconds(1), Duration.ofSeconds(20)));
    awaitState(Draining.State.NOTICE);
    assertTrue(draining.enter(), "during the notice a new request is still served");
    draining.leave();
    awaitState(Draining.State.REFUSING);
    assertFalse(draining.enter(), "after it, a new request is turned away");
    assertThrows(
        TimeoutException.class,
        () -> drained.get(300, TimeUnit.MILLISECONDS),
        "the request under way holds the stop");
    draining.leave();
    drained.get(2, TimeUnit.SECONDS);
  }

  @Test
  void aRequestThatNeverEndsHoldsTheStopNoLongerThanTheLimit() throws Exception {
    assertTrue(draining.enter());
    long start = System.nanoTime();
    draining.drain(Duration.ZERO, Duration.ofMillis(500));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis >= 500 && tookMillis < 5_000, tookMillis + " ms");
    assertEquals(Draining.State.REFUSING, draining.state());
  }

  private void awaitState(Draining.State wanted) throws InterruptedException {
    for (int i = 0; i < 200 && draining.state() != wanted; i++) {
      Thread.sleep(10);
    }
    assertEquals(wanted, draining.state());
  }
}
