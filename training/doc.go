// Package training turns learning into the partnership's annual
// multi-agency training needs analysis, a delivery plan and an impact
// summary for the Executive Board.
//
// Findings come from the sources of learning a partnership's needs
// analysis draws on: those its file lists under training.sources, each by
// a stable ID with the partnership's own wording. The eight standard
// sources ([vocab.LearningSources]) are Board priorities, local
// safeguarding practice reviews, multi-agency case audits, inspections,
// local and national priorities, section 11 audits, feedback from training
// and emerging issues; a partnership may declare sources of its own
// ("own": true), which then need a weight. Delivery methods and kinds of
// evaluation evidence work the same way (training.methods and
// training.evaluation). No code here compares wording: an ID the file does
// not list is an error naming the input's JSON path. Each finding carries a theme, a date, a severity from 1 to
// 5 and the workforce it concerns (children's, adults' or both, since the
// learning and development sub-committee serves both boards). Learning
// handed over by other packages as [vocab.Learning] converts with
// [FromLearning]; this package never imports the reviews package.
//
// # Ranking
//
// [Analyse] groups findings by theme and scores each theme with integers
// only, so the same findings always give the same ranking:
//
//	points(finding) = weight(source) × severity × recency
//	score(theme)    = Σ points(finding) × distinct sources
//
// recency is the quarter of the financial year in which the finding is
// dated: 1 for April to June, 2 for July to September, 3 for October to
// December and 4 for January to March, so the latest learning counts up to
// four times as much as the oldest. The sum already rewards a theme that
// recurs; multiplying by the number of distinct sources rewards a theme
// that several kinds of evidence point to. The default weights
// ([DefaultScoring]) are 5 for practice reviews; 4 for Board priorities,
// case audits and inspections; 3 for local and national priorities,
// section 11 audits and emerging issues; and 2 for feedback from training.
// A partnership may set its own weights, from 1 to [MaxWeight].
//
// Themes are ranked by score, highest first. Ties are broken, in order, by
// more findings, then by the later most recent finding, then by the theme
// text in byte order, so no two needs ever tie.
//
// Themes are compared exactly. Two themes that differ only in letter case
// or spacing are reported as a conflict rather than merged, so that a
// spelling slip cannot split or silently join a need.
//
// # Delivery and evaluation
//
// [PlanDelivery] gives needs one or more of the partnership's delivery
// methods (standard ones: [Methods]), an audience and a quarter, and flags "Think Family" needs:
// those whose findings concern both the children's and the adults'
// workforces. A Think Family need delivered to only one workforce, and a
// need with no delivery at all, are reported as gaps. [Evaluate] records
// evidence of impact of the kinds the partnership's monitoring and
// evaluation toolkit lists (standard ones: [EvidenceTypes]) and summarises it for the Executive, naming
// every need with no evaluation evidence.
//
// [Decode] reads the whole year's input strictly from JSON and [Run]
// validates and processes it, returning every problem at once as
// [vocab.Problems] whose fields are JSON paths such as
// "findings[3].source".
package training
