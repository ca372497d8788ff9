// Swagger UI over the documents this server publishes; "Try it out" stays off: these are login APIs.
window.ui = SwaggerUIBundle({
  urls: ["native", "oauth", "admin", "gateway", "egain", "iservice", "srs"]
    .map(function (name) { return { url: name + ".json", name: name }; }),
  dom_id: "#swagger-ui",
  deepLinking: true,
  supportedSubmitMethods: [],
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout"
});
