//! The first rows of a CSV text: comma-separated cells, `"` quoting with `""` for a quote,
//! line breaks inside quotes kept, CRLF or LF.

/// The first `max` rows of `text` (blank lines skipped).
pub fn parse_rows(text: &str, max: usize) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if rows.len() >= max {
            break;
        }
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n' | '\r', false) => end_row(&mut rows, &mut row, &mut cell),
            (c, _) => cell.push(c),
        }
    }
    if rows.len() < max {
        end_row(&mut rows, &mut row, &mut cell);
    }
    rows
}

fn end_row(rows: &mut Vec<Vec<String>>, row: &mut Vec<String>, cell: &mut String) {
    row.push(std::mem::take(cell));
    let cells = std::mem::take(row);
    if !(cells.len() == 1 && cells[0].trim().is_empty()) {
        rows.push(cells);
    }
}
