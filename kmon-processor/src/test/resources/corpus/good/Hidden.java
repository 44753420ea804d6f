package test;

import io.kmon.annotations.Monitored;

/** Package-private, so is its generated class. */
@Monitored
interface Hidden {
    int touch();
}
