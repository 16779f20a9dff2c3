package enum

import "strconv"

// String returns names[v], or "%!typ(v)" when v has no name, as time.Month
// does. It never panics.
func String[T ~uint8](names []string, v T, typ string) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return "%!" + typ + "(" + strconv.Itoa(int(v)) + ")"
}

// Valid reports whether v has a name.
func Valid[T ~uint8](names []string, v T) bool {
	return int(v) < len(names) && names[v] != ""
}

// Parse returns the value whose name is exactly s.
func Parse[T ~uint8](names []string, s string) (T, bool) {
	if s == "" {
		return 0, false
	}
	for i, n := range names {
		if n == s {
			return T(i), true
		}
	}
	return 0, false
}

// Text is the body of an enum's MarshalText: the name as bytes, or the error
// that invalid returns when the value has no name.
func Text(valid bool, name string, invalid func() error) ([]byte, error) {
	if !valid {
		return nil, invalid()
	}
	return []byte(name), nil
}

// Unmarshal is the body of an enum's UnmarshalText: it parses b and stores
// the result in *v, leaving *v unchanged on error.
func Unmarshal[T any](v *T, b []byte, parse func(string) (T, error)) error {
	x, err := parse(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}
