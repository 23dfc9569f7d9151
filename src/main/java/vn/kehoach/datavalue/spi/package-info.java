/**
 * What modules above data values plug into it: {@link vn.kehoach.datavalue.spi.EntryLock}, asked before every
 * write, so that approval can lock data entry while data values know nothing of approval.
 */
@org.springframework.modulith.NamedInterface("spi")
package vn.kehoach.datavalue.spi;
