"""A PySpark job that analyses journal JSON Lines with TrustLens on every partition.

Spark's RDD.pipe feeds each partition's lines to `trustlens analyze -` (a streaming filter:
standard input to standard output, bounded memory) and collects its output lines; the
analysed shards are then assessed on one machine with `trustlens trends SHARDS/` or a
pipeline over them (shards in any order give the same result).

Input lines need `id` and `subject` fields (records read from standard input have no file
or folder to derive them from). Check-in logs are not sent through the cluster: give them to
`trends` / `run` beside the shards.

  python analyze_job.py TRUSTLENS INPUT.jsonl OUTPUT_DIR [TIMEZONE]
"""
import sys

from pyspark.sql import SparkSession


def main():
    trustlens, source, output = sys.argv[1], sys.argv[2], sys.argv[3]
    zone = sys.argv[4] if len(sys.argv) > 4 else "UTC"
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("trustlens-analyze")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    lines = spark.sparkContext.textFile(source, minPartitions=4)
    analysed = lines.pipe(f"{trustlens} analyze - --input-format jsonl --timezone {zone}")
    analysed.saveAsTextFile(output)
    spark.stop()


if __name__ == "__main__":
    main()
