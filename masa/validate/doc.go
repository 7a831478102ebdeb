// Package validate checks a partnership against the rule set in force on a
// date, using github.com/go-playground/validator/v10 for field rules (the
// `validate` struct tags on the masa types) and struct-level rules that
// depend on the date.
//
// Partnership returns every problem at once as a vocab.Problems error:
// each problem has the JSON path of the field, the rule that was broken,
// the offending value and the citation of the rule (the Act, the statutory
// guidance or the masa data format) so that a user can see why.
//
// The date-dependent rules include: all three statutory roles are filled;
// each partner is a kind of body that may fill its role on that date (a
// clinical commissioning group cannot be the health partner after 30 June
// 2022); identifiers are unique; every reference names something in the
// data; lead areas are held by roles that statutory partners fill; a
// rotation does not move the vice-chair lead away from the role that covers
// the vice chair; every relevant agency has a category; every executive
// board seat represents a partner or agency; and, from Working Together
// 2023, the partnership has a chair.
//
// The package lives apart from package masa so that programs which only
// read the model, such as the WebAssembly app, do not link the validation
// library.
package validate
