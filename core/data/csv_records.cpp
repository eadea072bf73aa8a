#include "csv_records.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

namespace lstm::csv {

namespace {
constexpr int kDetectionRecords = 20;
} // namespace

NumberStatus parseNumber(std::string_view field, char decimal, double &out) {
  const std::size_t first = field.find_first_not_of(" \t");
  if (first == std::string_view::npos)
    return NumberStatus::Missing;
  field = field.substr(first, field.find_last_not_of(" \t") - first + 1);
  if (field.size() > 1 && field[0] == '+' && field[1] != '-' && field[1] != '+')
    field.remove_prefix(1); // from_chars does not take a leading '+'
  std::string buffer(field);
  bool digit = false;
  for (char &c : buffer) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c == decimal)
      c = '.';
    else if (c != '+' && c != '-' && c != 'e' && c != 'E')
      return NumberStatus::NotNumber;
  }
  if (!digit)
    return NumberStatus::NotNumber;
  const char *end = buffer.data() + buffer.size();
  const auto [ptr, ec] = std::from_chars(buffer.data(), end, out);
  if (ec == std::errc::result_out_of_range)
    return NumberStatus::OutOfRange;
  if (ec != std::errc() || ptr != end)
    return NumberStatus::NotNumber;
  return std::isfinite(out) ? NumberStatus::Ok : NumberStatus::OutOfRange;
}

int countNumbers(const Fields &fields, char decimal) {
  double ignored = 0.0;
  return int(std::count_if(fields.begin(), fields.end(),
                           [&](const std::string &f) { return parseNumber(f, decimal, ignored) == NumberStatus::Ok; }));
}

bool looksLikeHeader(const Fields &first, const Fields *second, char decimal) {
  const int numbers = countNumbers(first, decimal);
  if (numbers == int(first.size()))
    return false;
  return numbers == 0 || !second || countNumbers(*second, decimal) == int(second->size());
}

// Scores every allowed (delimiter, decimal) pair on the first records and keeps the best: one field count (above
// one) throughout, then only numbers after a possible header, then more fields, then a larger share of numbers,
// then '.' over ',' (integers decide nothing). Ties go to the earlier candidate: ',' before ';' before tab.
// So "1,5;2,25" is ';' with decimal commas (',' would leave "5;2"), while "1,2\n3," is ',' with a missing value.
Dialect detectDialect(std::string_view text, char delimiter, char decimal) {
  const std::vector<char> delimiters = delimiter ? std::vector<char>{delimiter} : std::vector<char>{',', ';', '\t'};
  const std::vector<char> decimals = decimal ? std::vector<char>{decimal} : std::vector<char>{'.', ','};
  Dialect best;
  std::tuple<bool, bool, std::size_t, double, bool> bestScore{};
  bool any = false;
  for (const char d : delimiters) {
    RecordReader reader(text, d);
    std::vector<Fields> records;
    Fields fields;
    std::int64_t line = 0;
    while (int(records.size()) < kDetectionRecords && reader.next(fields, line) == RecordReader::Status::Record)
      records.push_back(fields);
    if (records.empty())
      return {d, decimals.front()}; // nothing to decide on; loading reports the empty file
    const bool consistent = std::all_of(records.begin(), records.end(),
                                        [&](const Fields &r) { return r.size() == records[0].size(); });
    for (const char p : decimals) {
      // A detected single column never takes decimal commas: "1,2" is far more often two fields than 1.2.
      if (p == d || (!delimiter && p == ',' && records[0].size() == 1))
        continue;
      const std::size_t skip = countNumbers(records[0], p) == int(records[0].size()) ? 0 : 1;
      std::size_t total = 0;
      std::size_t numeric = 0;
      for (std::size_t r = skip; r < records.size(); ++r) {
        total += records[r].size();
        numeric += std::size_t(countNumbers(records[r], p));
      }
      const bool allNumeric = total > 0 && numeric == total;
      const double share = total > 0 ? double(numeric) / double(total) : 0.0;
      const auto score = std::make_tuple(consistent && records[0].size() > 1, allNumeric, records[0].size(), share, p == '.');
      if (!any || score > bestScore) {
        best = {d, p};
        bestScore = score;
        any = true;
      }
    }
  }
  return best;
}

} // namespace lstm::csv
