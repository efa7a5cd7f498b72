package org.ippc.cpm.query;

import org.ippc.cpm.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The background jobs (live-update poller, rebuild progress, segment balancing) run again on their next tick; while
 * the database is away they say so in one warning line each, not as an error with a stack trace.
 */
@Component
class ScheduledTaskErrors implements ThreadPoolTaskSchedulerCustomizer {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledTaskErrors.class);

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(failure -> {
            if (DatabaseUnavailable.causes(failure)) {
                LOG.warn("A background job skipped a run, the database is unavailable: {}", failure.getMessage());
            } else {
                LOG.error("A background job failed; it runs again at its next tick", failure);
            }
        });
    }
}
