package pathway

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// MarshalGQL writes the level as a GraphQL enum value. It lets the API bind
// its RoleLevel enum to this type without a copy.
func (l RoleLevel) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(l))) }

// UnmarshalGQL reads a GraphQL enum value.
func (l *RoleLevel) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("role level must be a string: %w", ErrInvalid)
	}
	if slices.Contains(RoleLevels, RoleLevel(s)) {
		*l = RoleLevel(s)
		return nil
	}
	return fmt.Errorf("%q is not a role level: %w", s, ErrInvalid)
}
