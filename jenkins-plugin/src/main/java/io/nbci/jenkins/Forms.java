package io.nbci.jenkins;

import hudson.util.FormValidation;
import io.nbci.launch.Check;

/** Turns the core's host-neutral {@link Check} into a Jenkins {@link FormValidation} (messages are escaped by Jenkins). */
final class Forms {
    private Forms() {
    }

    static FormValidation of(Check check) {
        switch (check.level()) {
            case OK:
                return FormValidation.ok();
            case WARNING:
                return FormValidation.warning(check.message());
            case ERROR:
                return FormValidation.error(check.message());
            default:
                throw new IllegalStateException(check.level().name());
        }
    }
}
