#pragma once
// Internal to series_csv.cpp: splitting CSV text into records (RFC 4180 quoting), strict number parsing, and the
// detection of delimiter, decimal separator and header. Bytes in, no Qt types: these run once per value.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lstm::csv {

using Fields = std::vector<std::string>;

// Splits text into records of unquoted fields. A field that starts with '"' is quoted (RFC 4180): delimiters and
// line breaks inside it are text and "" is one quote; text after its closing quote is kept rather than refused.
// A quote anywhere else is an ordinary character. Line breaks are LF, CRLF or a lone CR.
class RecordReader {
public:
  enum class Status { Record, End, UnclosedQuote };

  RecordReader(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

  // Reads the next record that is not blank into `fields`; `line` is the line it starts on. On UnclosedQuote,
  // `line` is the line where the quoted field opened.
  Status next(Fields &fields, std::int64_t &line) {
    for (;;) {
      if (m_pos >= m_text.size())
        return Status::End;
      fields.clear();
      line = m_line;
      bool quoted = false;
      for (;;) {
        std::string &field = fields.emplace_back();
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
          quoted = true;
          const std::int64_t opened = m_line;
          if (!readQuoted(field)) {
            line = opened;
            return Status::UnclosedQuote;
          }
        }
        while (m_pos < m_text.size() && !isBreak(m_text[m_pos]) && m_text[m_pos] != m_delimiter)
          field.push_back(m_text[m_pos++]);
        if (m_pos < m_text.size() && m_text[m_pos] == m_delimiter) {
          ++m_pos;
          continue;
        }
        skipBreak();
        break;
      }
      const bool blank = fields.size() == 1 && !quoted &&
                         fields[0].find_first_not_of(" \t") == std::string::npos;
      if (!blank)
        return Status::Record;
    }
  }

  std::size_t position() const { return m_pos; }

private:
  static bool isBreak(char c) { return c == '\n' || c == '\r'; }

  void skipBreak() {
    if (m_pos >= m_text.size())
      return;
    if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
      ++m_pos;
    ++m_pos;
    ++m_line;
  }

  // At the opening quote; leaves m_pos after the closing one. False when the text ends first.
  bool readQuoted(std::string &field) {
    ++m_pos;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == '"') {
        if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
          field.push_back('"');
          m_pos += 2;
          continue;
        }
        ++m_pos;
        return true;
      }
      if (isBreak(c)) {
        const std::size_t from = m_pos;
        skipBreak();
        field.append(m_text.substr(from, m_pos - from));
        continue;
      }
      field.push_back(c);
      ++m_pos;
    }
    return false;
  }

  std::string_view m_text;
  char m_delimiter;
  std::size_t m_pos = 0;
  std::int64_t m_line = 1;
};

enum class NumberStatus { Ok, Missing, NotNumber, OutOfRange };

// Accepts an optional sign, digits with at most the one decimal separator, and an exponent; surrounding spaces
// and tabs are ignored. Refuses "nan", "inf", hexadecimal, thousands separators and the other decimal separator.
NumberStatus parseNumber(std::string_view field, char decimal, double &out);
int countNumbers(const Fields &fields, char decimal); // fields that parseNumber accepts
// The Auto header rule documented in CsvOptions, given the first record and the second (null when there is none).
bool looksLikeHeader(const Fields &first, const Fields *second, char decimal);

struct Dialect {
  char delimiter = ',';
  char decimal = '.';
};
// The best (delimiter, decimal) pair for the first records of `text`; a non-zero argument fixes that choice.
Dialect detectDialect(std::string_view text, char delimiter, char decimal);

} // namespace lstm::csv
