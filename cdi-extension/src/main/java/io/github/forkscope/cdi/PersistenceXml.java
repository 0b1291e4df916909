package io.github.forkscope.cdi;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the persistence units that every {@code META-INF/persistence.xml} visible to a class
 * loader declares. Only names, transaction types and properties are read; the provider reads
 * the rest when it builds the factory. Stateless and thread-safe.
 */
final class PersistenceXml {

    static final String RESOURCE = "META-INF/persistence.xml";

    private PersistenceXml() {
    }

    static List<UnitDescriptor> read(ClassLoader loader) {
        List<UnitDescriptor> units = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                units.addAll(read(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units;
    }

    private static List<UnitDescriptor> read(URL url) {
        try (InputStream in = url.openStream()) {
            NodeList nodes = parser().parse(in, url.toExternalForm())
                    .getElementsByTagNameNS("*", "persistence-unit");
            List<UnitDescriptor> units = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element unit = (Element) nodes.item(i);
                units.add(new UnitDescriptor(unit.getAttribute("name"), unit.getAttribute("transaction-type"),
                        properties(unit)));
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(Element unit) {
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        return properties;
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }
}
