package io.natprobe.report.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The report parsed as XML (it is well-formed by design), with XPath helpers that ignore namespaces. */
final class HtmlDoc {
    final Document doc;

    HtmlDoc(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    List<Element> all(String xpath) throws Exception {
        NodeList nl = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
        return out;
    }

    String text(String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    static boolean hasClass(Element e, String cls) {
        return List.of(e.getAttribute("class").split("\\s+")).contains(cls);
    }
}
