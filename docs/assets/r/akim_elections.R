# Read the akim-elections tables in R with the types datapackage.json declares.
#
#   source("akim_elections.R")
#   contests <- read_akim_table("contests", "path/to/akim-elections")   # a tibble
#   tables <- read_akim_tables("path/to/akim-elections")                 # every table, by name
#
# Ids and KATO codes stay text (a KATO code read as a number loses its meaning and, past 2^31, its digits),
# counts are integers, shares doubles, flags logical and dates Date. Needs readr and jsonlite.

library(readr)
library(jsonlite)

# One readr column type per Frictionless field type; anything the descriptor does not type stays text.
.akim_col_type <- function(type) {
  switch(type,
    integer = col_integer(),
    number = col_double(),
    boolean = col_logical(),
    date = col_date(format = "%Y-%m-%d"),
    year = col_integer(),
    col_character()
  )
}

read_akim_descriptor <- function(dir = ".") {
  fromJSON(file.path(dir, "datapackage.json"), simplifyVector = FALSE)
}

read_akim_table <- function(name, dir = ".", descriptor = read_akim_descriptor(dir)) {
  resources <- descriptor$resources
  names(resources) <- vapply(resources, function(r) r$name, "")
  resource <- resources[[name]]
  if (is.null(resource)) {
    stop(sprintf("no table '%s'; the tables are: %s", name, paste(names(resources), collapse = ", ")), call. = FALSE)
  }
  fields <- resource$schema$fields
  types <- lapply(fields, function(f) .akim_col_type(f$type))
  names(types) <- vapply(fields, function(f) f$name, "")
  # The descriptor's only missing value is the empty cell; "NA" is a real word in some names.
  read_csv(file.path(dir, resource$path), col_types = do.call(cols_only, types), na = "",
           locale = locale(encoding = "UTF-8"), progress = FALSE)
}

read_akim_tables <- function(dir = ".") {
  descriptor <- read_akim_descriptor(dir)
  names <- vapply(descriptor$resources, function(r) r$name, "")
  tables <- lapply(names, read_akim_table, dir = dir, descriptor = descriptor)
  names(tables) <- names
  tables
}
