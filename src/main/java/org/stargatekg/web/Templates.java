package org.stargatekg.web;

import java.util.HashMap;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders our jte templates, precompiled at build time; jte escapes every value for its HTML context by default. */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private final Site site;

    /** Templates for the pages of a site, whose menu lists its articles. */
    Templates(Site site) {
        this.site = site;
    }

    /** Renders a template with its parameters and the site's menu. */
    String render(String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("menu", site.menu());
        StringOutput out = new StringOutput();
        ENGINE.render(template, all, out);
        return out.toString();
    }
}
