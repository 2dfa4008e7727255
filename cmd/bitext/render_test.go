package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSourceDateEpoch checks that SOURCE_DATE_EPOCH is read as the
// reproducible-builds specification writes it, and that a value the PDF's
// dates cannot hold (before 1970, after 9999, not a number) is an error
// that says what is wrong, not a date written out of range.
func TestSourceDateEpoch(t *testing.T) {
	tests := []struct {
		value string
		want  time.Time
		err   string
	}{
		{"", time.Time{}, ""},
		{"  ", time.Time{}, ""},
		{"0", time.Unix(0, 0).UTC(), ""},
		{"1527033600", time.Date(2018, 5, 23, 0, 0, 0, 0, time.UTC), ""},
		{" 1527033600\n", time.Date(2018, 5, 23, 0, 0, 0, 0, time.UTC), ""},
		{"253402300799", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), ""},
		{"253402300800", time.Time{}, `SOURCE_DATE_EPOCH="253402300800": after 9999-12-31T23:59:59Z, the last date a PDF can hold`},
		{"9223372036854775807", time.Time{}, `SOURCE_DATE_EPOCH="9223372036854775807": after 9999-12-31T23:59:59Z, the last date a PDF can hold`},
		{"99999999999999999999999", time.Time{}, `SOURCE_DATE_EPOCH="99999999999999999999999": after 9999-12-31T23:59:59Z, the last date a PDF can hold`},
		{"-1", time.Time{}, `SOURCE_DATE_EPOCH="-1": a date before 1970-01-01; want a whole number of seconds since 1970-01-01 UTC`},
		{"-9223372036854775808", time.Time{}, `SOURCE_DATE_EPOCH="-9223372036854775808": a date before 1970-01-01; want a whole number of seconds since 1970-01-01 UTC`},
		{"yesterday", time.Time{}, `SOURCE_DATE_EPOCH="yesterday": want a whole number of seconds since 1970-01-01 UTC`},
		{"1.5e9", time.Time{}, `SOURCE_DATE_EPOCH="1.5e9": want a whole number of seconds since 1970-01-01 UTC`},
		{"+1527033600", time.Time{}, `SOURCE_DATE_EPOCH="+1527033600": want a whole number of seconds since 1970-01-01 UTC`},
		{"0x10", time.Time{}, `SOURCE_DATE_EPOCH="0x10": want a whole number of seconds since 1970-01-01 UTC`},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tc.value)
			got, err := sourceDateEpoch()
			if tc.err != "" {
				require.Error(t, err)
				assert.Equal(t, tc.err, err.Error())
				return
			}
			require.NoError(t, err)
			assert.True(t, tc.want.Equal(got), "got %v", got)
		})
	}
}
