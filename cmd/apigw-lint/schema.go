package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

func newSchemaCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the policies' input (the model)",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			b, err := json.MarshalIndent(model.Schema(), "", "  ")
			if err != nil {
				return fmt.Errorf("encode schema: %w", err)
			}
			_, err = fmt.Fprintf(stdout, "%s\n", b)
			return err
		},
	}
}
