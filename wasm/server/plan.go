package server

import "net/http"

// PlanPDF returns the handler for GET /api/plan.pdf, or nil while no PDF
// renderer is available.
func PlanPDF() http.Handler { return nil }
