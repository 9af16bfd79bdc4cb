package web

// routes registers every route of the product.
func (s *Server) routes() {
	r := s.router
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", s.metricsHandler())

	api := r.Group("/api/v1")
	api.GET("/openapi.json", s.openAPI)
	api.GET("/alliances/:slug", s.allianceGet)

	r.GET("/", s.homePage)
	r.GET("/a/:slug", s.alliancePage)
	r.GET("/lang/:locale", s.switchLanguage)
	r.GET("/static/*file", s.static)
}
