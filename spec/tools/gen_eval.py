"""Generates spec/eval/*.json."""

import sys

sys.dont_write_bytecode = True  # keep spec/tools free of __pycache__

import gen_eval_logic
import gen_eval_operators
import gen_eval_rollouts


def main():
    total = 0
    for topic in gen_eval_operators.TOPICS + gen_eval_logic.TOPICS + gen_eval_rollouts.TOPICS:
        n = topic()
        print(f"{topic.__name__}: {n} cases")
        total += n
    print("total", total)


if __name__ == "__main__":
    main()
