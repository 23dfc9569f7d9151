/**
 * What modules above targets plug into it: {@link vn.kehoach.target.spi.TargetLock}, asked before every write, so
 * that the planning cycle can lock submitted proposals while targets know nothing of the cycle.
 */
@org.springframework.modulith.NamedInterface("spi")
package vn.kehoach.target.spi;
