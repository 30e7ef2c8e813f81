package io.natprobe.lab;

/**
 * One host of the lab, behind a router.
 *
 * @param name      what {@code lab exec} takes, e.g. {@code home-1}
 * @param namespace its network namespace
 * @param address   its private address
 * @param gateway   its router's LAN address
 * @param router    the router's name
 */
public record HostPlan(String name, String namespace, String address, String gateway, String router) {}
