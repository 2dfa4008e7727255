package reconcile

import "github.com/hopeborder/bitext/workflow/memory"

// Units are matched by the words they share, measured as the translation
// memory measures them.
type bag = memory.Bag

func wordBag(text string) bag { return memory.Words(text) }

func dice(a, b bag) float64 { return memory.Dice(a, b) }
