package locale

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestLongDate(t *testing.T) {
	tests := []struct{ tag, iso, want string }{
		{"en", "2018-05-23", "May 23, 2018"},
		{"en-US", "2018-12-01", "December 1, 2018"},
		{"es", "2018-05-23", "23 de mayo de 2018"},
		{"es-MX", "2018-07-01", "1 de julio de 2018"},
		{"fr", "2018-05-23", "23 mai 2018"},
		{"de", "2018-03-09", "9. März 2018"},
		{"pt-BR", "2018-05-23", "23 de maio de 2018"},
		{"ja", "2018-05-23", ""},
		{"es", "2018-02-30", ""},
	}
	for _, tc := range tests {
		got, ok := LongDate(language.MustParse(tc.tag), tc.iso)
		assert.Equal(t, tc.want != "", ok, tc.tag+" "+tc.iso)
		assert.Equal(t, tc.want, got, tc.tag+" "+tc.iso)
	}
}

func TestName(t *testing.T) {
	assert.Equal(t, "Spanish (español)", Name(language.Spanish))
	assert.Equal(t, "English", Name(language.English))
	assert.Equal(t, "French (français)", Name(language.French))
}
