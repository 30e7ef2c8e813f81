package io.natprobe.lifetime;

/**
 * Where a running lifetime measurement stands: for each kind of binding, the longest idle time a
 * binding has survived so far and the shortest after which one was found gone (null: none yet).
 */
public record LifetimeProgress(long elapsedSeconds, int maxSeconds,
                               int singleLower, Integer singleUpper, boolean singleDone,
                               int sustainedLower, Integer sustainedUpper, boolean sustainedDone) {}
