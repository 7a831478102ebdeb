// Package plan builds the published Multi-Agency Safeguarding
// Arrangements document from a partnership model. [Build] turns a
// *masa.Partnership into a [Document]: a cover, an optional foreword, the
// eleven numbered sections (introduction and background; the arrangements
// and statutory partners; vision and values; structure; relevant
// agencies; practice reviews and learning; multi-agency training;
// independent scrutiny; the voice of children and families; dispute
// resolution; funding and business support), an appendix of designated
// relevant agencies and lead areas, and the contact block. The prose is
// the project's own, written around the model's facts, so changing the
// model changes the document; a partnership can replace any section's
// opening prose with its own text through its Texts map. [Draft] applies a
// funding scenario (package funding) to produce a draft plan for the
// scenario's year, by default the year after the published table.
//
// The document is renderer-neutral: package plan/pdf lays it out as a PDF
// with the Go fonts embedded, and package plan/html as one self-contained,
// accessible HTML file. This package does not import either, so a program
// that only needs the HTML does not carry the PDF library.
package plan
