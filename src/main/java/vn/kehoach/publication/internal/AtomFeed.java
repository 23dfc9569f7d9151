package vn.kehoach.publication.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.kehoach.format.Numbers;
import vn.kehoach.publication.Publication;

/**
 * The publications as an Atom feed (RFC 4287), written with the JDK's StAX writer: the feed's id, title, updated
 * (its newest entry) and self link; each entry's id (a URN of the publication), title, updated, a link to its page and
 * one to its file, and a summary with the date and the SHA-256.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(String id, String title, String self, String base, List<Publication> entries) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", id);
            element(x, "title", title);
            Instant updated = entries.stream().map(Publication::publishedAt).max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            element(x, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(x, "self", self, "application/atom+xml");
            link(x, "alternate", base + "/cong-khai", "text/html");
            x.writeStartElement("author");
            element(x, "name", "KeHoach");
            x.writeEndElement();
            for (Publication p : entries) {
                x.writeStartElement("entry");
                element(x, "id", "urn:kehoach:publication:" + p.id() + ":" + p.sha256());
                element(x, "title", p.title() + " – " + p.unitName());
                element(x, "updated", DateTimeFormatter.ISO_INSTANT.format(p.publishedAt()));
                element(x, "published", DateTimeFormatter.ISO_INSTANT.format(p.publishedAt()));
                link(x, "alternate", base + PublicPages.yearPath(p.unitCode(), p.year()), "text/html");
                link(x, "enclosure", base + PublicPages.filePath(p), p.contentType());
                element(x, "summary", p.kind().label() + " năm " + p.year() + " của " + p.unitName()
                        + ", công bố " + Numbers.vi().dateTime(p.publishedAt()) + "; SHA-256: " + p.sha256()
                        + (p.signer() == null ? "" : "; ký số: " + p.signer()));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("không viết được nguồn tin Atom", e);
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
