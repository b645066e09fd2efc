package org.landfall.status.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Computes the watch-list windows of the projects that have none yet or were computed by older rules (projects
 * status knew before the watch list, or before a rule changed), in batches, in the background after start-up:
 * the service answers meanwhile, and such a project joins the list as its batch commits. Several instances share
 * the work (each batch locks its rows, skipping those another one holds).
 */
@ApplicationScoped
public class WatchBackfill {

    private static final Logger LOG = Logger.getLogger(WatchBackfill.class);
    private static final int BATCH = 500;
    private static final long RETRY_MILLIS = 30_000;

    @Inject
    WatchList watchList;

    private volatile boolean stopping;

    void start(@Observes StartupEvent started) {
        Thread worker = new Thread(this::run, "watch-backfill");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
    }

    private void run() {
        long done = 0;
        while (!stopping) {
            try {
                int n = watchList.refreshStale(BATCH);
                done += n;
                if (n < BATCH) {
                    if (done > 0) {
                        LOG.infof("computed the watch-list reasons of %d projects", done);
                    }
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warnf("cannot compute the watch-list reasons yet (retrying in %d s): %s", RETRY_MILLIS / 1000, e.getMessage());
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
